export function ReportScreen() {
  return <p>Coming soon</p>;
}
