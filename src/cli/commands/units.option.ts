import { Option } from 'commander';

/** `--units km|mi`: overrides the stored setting for one command. */
export function unitsOption(): Option {
  return new Option('--units <units>', 'distance units for this command (default: your setting)').choices([
    'km',
    'mi',
  ]);
}
