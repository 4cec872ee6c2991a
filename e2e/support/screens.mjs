// The app's five destinations, as the bottom navigation names them and their paths under
// the app's base: one list for every test that visits them all.
export const SCREENS = [
  { name: 'Home', path: '' },
  { name: 'Knee check', path: 'knee-check' },
  { name: 'Log', path: 'log' },
  { name: 'Recovery', path: 'recovery' },
  { name: 'Settings', path: 'settings' },
];
