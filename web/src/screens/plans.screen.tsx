export function PlansScreen() {
  return <p>Coming soon</p>;
}
