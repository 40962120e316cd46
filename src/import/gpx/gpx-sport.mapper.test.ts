import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cadenceIsStrides, gpxSport } from './gpx-sport.mapper.ts';

describe('gpxSport', () => {
  it('reads <type> first: Garmin words and Strava numbers', () => {
    assert.equal(gpxSport('running', 'Evening Ride', null), 'run');
    assert.equal(gpxSport('trail_running', null, null), 'trail_run');
    assert.equal(gpxSport('trail', null, null), 'trail_run');
    assert.equal(gpxSport('treadmill_running', null, null), 'treadmill_run');
    assert.equal(gpxSport('track_running', null, null), 'track_run');
    assert.equal(gpxSport('cycling', null, null), 'ride');
    assert.equal(gpxSport('road_biking', null, null), 'ride');
    assert.equal(gpxSport('hiking', null, null), 'hike');
    assert.equal(gpxSport('casual_walking', null, null), 'walk');
    assert.equal(gpxSport('open_water_swimming', null, null), 'swim');
    assert.equal(gpxSport('9', null, null), 'run');
    assert.equal(gpxSport('1', null, null), 'ride');
  });

  it('falls back to whole words of the track name, then to the creator', () => {
    assert.equal(gpxSport(null, 'Morning Run', null), 'run');
    assert.equal(gpxSport('unknown', 'Afternoon Ride', null), 'ride');
    assert.equal(gpxSport(null, 'Rideau canal', null), 'other');
    assert.equal(gpxSport(null, 'Mountain bike trail', null), 'ride');
    assert.equal(gpxSport(null, null, 'NikePlus GPX Bridge'), 'run');
  });

  it("defaults to 'other', never 'run'", () => {
    assert.equal(gpxSport(null, null, null), 'other');
    assert.equal(gpxSport('jkljkl', '03-OCT-10', 'GPSBabel'), 'other');
    assert.equal(gpxSport('17', 'Untitled', 'StravaGPX'), 'other');
  });

  it('doubles cadence only for sports on foot', () => {
    assert.equal(cadenceIsStrides('run'), true);
    assert.equal(cadenceIsStrides('hike'), true);
    assert.equal(cadenceIsStrides('ride'), false);
    assert.equal(cadenceIsStrides('other'), false);
  });
});
