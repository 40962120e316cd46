export function ShoesScreen() {
  return <p>Coming soon</p>;
}
