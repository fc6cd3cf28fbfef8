/**
 * The bundle's entry: only exposes. Every export becomes a top-level function in build/Code.js
 * (menus, triggers and google.script.run can reach nothing else).
 */
import { api, sendDueRemindersFromTrigger } from './api';
import { recordFromTrigger } from '../workspace/responses';
import { showAccountCheck } from '../workspace/accountcheck';

export { onInstall, onOpen, showSidebar } from './menu';
export { showPackets } from '../workspace/packets';
export { showLetters } from '../workspace/letters';
export { showClassLists, showDebrief } from '../workspace/studentforms';

export function getOverview(...a: unknown[]) {
  return api.getOverview(...a);
}
export function selectCell(...a: unknown[]) {
  return api.selectCell(...a);
}
export function runJob(...a: unknown[]) {
  return api.runJob(...a);
}
export function getSettings(...a: unknown[]) {
  return api.getSettings(...a);
}
export function saveSettings(...a: unknown[]) {
  return api.saveSettings(...a);
}
export function getProblems(...a: unknown[]) {
  return api.getProblems(...a);
}
export function previewSchedule(...a: unknown[]) {
  return api.previewSchedule(...a);
}
export function getPackets(...a: unknown[]) {
  return api.getPackets(...a);
}
export function getCheckIn(...a: unknown[]) {
  return api.getCheckIn(...a);
}
export function markAttendance(...a: unknown[]) {
  return api.markAttendance(...a);
}
export function getFollowUps(...a: unknown[]) {
  return api.getFollowUps(...a);
}
export function setFollowUpStatus(...a: unknown[]) {
  return api.setFollowUpStatus(...a);
}
export function getPaperLetters(...a: unknown[]) {
  return api.getPaperLetters(...a);
}
export function getStudentLinks(...a: unknown[]) {
  return api.getStudentLinks(...a);
}

/** The spreadsheet's form-submit trigger (installed by the forms job): records the answers. */
export function onFormSubmit(event: unknown): void {
  recordFromTrigger(event);
}

// --- Messages, languages and reminders ---
export function getTemplate(...a: unknown[]) {
  return api.getTemplate(...a);
}
export function previewTemplate(...a: unknown[]) {
  return api.previewTemplate(...a);
}
export function saveTemplate(...a: unknown[]) {
  return api.saveTemplate(...a);
}
export function setReminders(...a: unknown[]) {
  return api.setReminders(...a);
}
/** The hourly time-driven trigger's handler (REMINDER_HANDLER in src/workspace/reminders.ts). */
export function sendDueReminders(event?: { triggerUid?: string }) {
  sendDueRemindersFromTrigger(event?.triggerUid);
}

/** The menu's "Check this Google account" (src/workspace/accountcheck.ts). */
export function checkThisAccount(): void {
  showAccountCheck();
}
/** The account check's test trigger: removed as soon as it is made, and does nothing. */
export function accountCheckTrigger(): void {}
