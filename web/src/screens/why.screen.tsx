export function WhyScreen() {
  return <p>Coming soon</p>;
}
