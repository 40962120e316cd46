export function SettingsScreen() {
  return <p>Coming soon</p>;
}
