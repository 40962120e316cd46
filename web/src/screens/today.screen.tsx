export function TodayScreen() {
  return <p>Coming soon</p>;
}
