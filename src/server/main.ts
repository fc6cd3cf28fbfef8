/**
 * The bundle's entry: only exposes. Every export becomes a top-level function in build/Code.js
 * (menus, triggers and google.script.run can reach nothing else).
 */
export { onInstall, onOpen, showSidebar } from './menu';
