/**
 * The add-on menu and the sidebar. onOpen runs in AuthMode.NONE (add-on installed, not yet used
 * in this document) or LIMITED: it may only build the menu, never read or write user data
 * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 */
import { ADDON_TITLE } from '../shared/api';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi();
}

/** Runs when a user installs the add-on from within an open document. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
