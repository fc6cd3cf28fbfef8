/**
 * The add-on menu and the sidebar. onOpen runs in AuthMode.NONE (add-on installed, not yet used
 * in this document) or LIMITED: it may only build the menu, never read or write user data
 * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 */
import { ADDON_TITLE } from '../shared/api';

/**
 * createMenu with our own title, not createAddonMenu: a bound script's add-on menu takes the
 * script project's name ("Untitled project" when made from Extensions > Apps Script), while
 * createMenu's caption is the menu's name there and, once published as an add-on, Google ignores
 * it and files the menu under Extensions with the add-on's store name
 * (https://developers.google.com/apps-script/reference/base/ui#createMenu(String)).
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createMenu(ADDON_TITLE)
    .addItem('Open', 'showSidebar')
    .addItem('Print conference packets', 'showPackets')
    .addItem('Print letters for families without email', 'showLetters')
    .addItem('Print student prep links', 'showClassLists')
    .addItem('Print class debrief', 'showDebrief')
    .addItem('Check this Google account', 'checkThisAccount')
    .addToUi();
}

/** Runs when a user installs the add-on from within an open document. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
