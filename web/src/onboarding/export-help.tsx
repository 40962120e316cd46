/** Where a runner's history comes from: short, step-by-step, one source per block. */
export function ExportHelp() {
  return (
    <section class="export-help" aria-labelledby="export-help-title">
      <h2 id="export-help-title">Getting your export</h2>
      <div class="cards">
        <div class="card">
          <h3>Strava</h3>
          <ol>
            <li>
              On strava.com open <strong>Settings → My Account</strong>.
            </li>
            <li>
              Under <strong>Download or Delete Your Account</strong> choose <strong>Get Started</strong>, then{' '}
              <strong>Request your archive</strong>.
            </li>
            <li>Strava e-mails a link to a ZIP, usually within a few hours. Drop that ZIP here as it is.</li>
          </ol>
        </div>
        <div class="card">
          <h3>Garmin Connect</h3>
          <ol>
            <li>
              Sign in to your Garmin account and open <strong>Data Management → Export Your Data</strong>.
            </li>
            <li>
              Choose <strong>Request Data Export</strong>. The e-mail with the download link can take up to
              two days.
            </li>
            <li>Drop the whole ZIP here; there is no need to unpack it.</li>
          </ol>
        </div>
        <div class="card">
          <h3>Single files</h3>
          <p>
            Any <strong>.fit</strong>, <strong>.gpx</strong> or <strong>.tcx</strong> file works, also gzipped
            (<strong>.gz</strong>): from a watch connected by USB (the <code>GARMIN/Activity</code> folder),
            or exported one by one from a running app. Choose several at once, or a whole folder.
          </p>
        </div>
      </div>
    </section>
  );
}
