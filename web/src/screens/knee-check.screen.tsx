export function KneeCheckScreen() {
  return <p>Coming soon</p>;
}
