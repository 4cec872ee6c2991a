// A small writer of Garmin FIT files (protocol 2.0, little-endian), for benchmarks that need
// activity files of a chosen size. It writes what the FIT SDK's decoders expect: the 14-byte
// header with ".FIT" and its own CRC, definition messages then data messages (normal record
// headers, local message types 0–15), and the file CRC (CRC-16 as in the SDK's fit_crc.c)
// over header and records.
//
// `syntheticRunFit` builds a whole run recorded at one record per second: file_id (type
// activity), event (timer start/stop), record, lap, session (sport running) and activity.

/** FIT base types: the byte a field definition carries, its size and its "invalid" value. */
export const BASE = {
  enum: { id: 0x00, size: 1, invalid: 0xff },
  sint8: { id: 0x01, size: 1, invalid: 0x7f },
  uint8: { id: 0x02, size: 1, invalid: 0xff },
  sint16: { id: 0x83, size: 2, invalid: 0x7fff },
  uint16: { id: 0x84, size: 2, invalid: 0xffff },
  sint32: { id: 0x85, size: 4, invalid: 0x7fffffff },
  uint32: { id: 0x86, size: 4, invalid: 0xffffffff },
  uint8z: { id: 0x0a, size: 1, invalid: 0 },
  uint16z: { id: 0x8b, size: 2, invalid: 0 },
  uint32z: { id: 0x8c, size: 4, invalid: 0 },
};

/** Global message numbers used here (FIT profile). */
export const MESG = { file_id: 0, session: 18, lap: 19, record: 20, event: 21, activity: 34 };

const CRC_TABLE = [
  0x0000, 0xcc01, 0xd801, 0x1400, 0xf001, 0x3c00, 0x2800, 0xe401, 0xa001, 0x6c00, 0x7800, 0xb401, 0x5000, 0x9c01,
  0x8801, 0x4400,
];

/** The FIT SDK's CRC-16 (fit_crc.c), four bits at a time, low nibble first. */
export function crc16(bytes, crc = 0) {
  for (const byte of bytes) {
    let tmp = CRC_TABLE[crc & 0xf];
    crc = (crc >> 4) & 0x0fff;
    crc = crc ^ tmp ^ CRC_TABLE[byte & 0xf];
    tmp = CRC_TABLE[crc & 0xf];
    crc = (crc >> 4) & 0x0fff;
    crc = crc ^ tmp ^ CRC_TABLE[(byte >> 4) & 0xf];
  }
  return crc;
}

/** FIT time: seconds since 1989-12-31T00:00:00Z. */
export const FIT_EPOCH_MS = Date.UTC(1989, 11, 31);
export const fitTime = (date) => Math.round((date.getTime() - FIT_EPOCH_MS) / 1000);
/** Degrees to FIT semicircles (2^31 per 180°). */
export const semicircles = (degrees) => Math.round((degrees * 2 ** 31) / 180);

/**
 * Collects definition and data messages; `bytes()` gives the finished file.
 * define(local, global, [[fieldNumber, baseTypeName], …]) then write(local, [value, …]) with
 * values in the defined order, already scaled to integers; null or undefined writes the
 * type's invalid value.
 */
export class FitWriter {
  constructor({ protocolVersion = 0x20, profileVersion = 2132 } = {}) {
    this.protocolVersion = protocolVersion;
    this.profileVersion = profileVersion;
    this.buffer = new Uint8Array(1 << 16);
    this.view = new DataView(this.buffer.buffer);
    this.length = 14; // the header goes in last
    this.locals = new Map();
  }

  room(bytes) {
    if (this.length + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + bytes) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
    this.view = new DataView(bigger.buffer);
  }

  define(local, global, fields) {
    if (!(local >= 0 && local <= 15)) throw new Error(`local message type ${local} is not 0–15`);
    const types = fields.map(([number, type]) => {
      const base = BASE[type];
      if (!base) throw new Error(`unknown base type ${type}`);
      return { number, ...base, signed: type.startsWith('sint') };
    });
    this.room(6 + 3 * types.length);
    const v = this.view;
    let at = this.length;
    v.setUint8(at++, 0x40 | local); // definition message, normal header
    v.setUint8(at++, 0); // reserved
    v.setUint8(at++, 0); // architecture: little-endian
    v.setUint16(at, global, true);
    at += 2;
    v.setUint8(at++, types.length);
    for (const t of types) {
      v.setUint8(at++, t.number);
      v.setUint8(at++, t.size);
      v.setUint8(at++, t.id);
    }
    this.length = at;
    this.locals.set(local, { global, types, size: types.reduce((sum, t) => sum + t.size, 0) });
  }

  write(local, values) {
    const definition = this.locals.get(local);
    if (!definition) throw new Error(`local message type ${local} is not defined`);
    if (values.length !== definition.types.length) {
      throw new Error(`message ${definition.global}: ${values.length} values for ${definition.types.length} fields`);
    }
    this.room(1 + definition.size);
    const v = this.view;
    let at = this.length;
    v.setUint8(at++, local); // data message, normal header
    definition.types.forEach((t, i) => {
      const value = values[i] ?? t.invalid;
      if (!Number.isInteger(value)) throw new Error(`message ${definition.global} field ${t.number}: ${value} is not an integer`);
      if (t.size === 1) t.signed ? v.setInt8(at, value) : v.setUint8(at, value);
      else if (t.size === 2) t.signed ? v.setInt16(at, value, true) : v.setUint16(at, value, true);
      else t.signed ? v.setInt32(at, value, true) : v.setUint32(at, value, true);
      at += t.size;
    });
    this.length = at;
  }

  /** The whole file: header (with its CRC), records, file CRC. */
  bytes() {
    const file = new Uint8Array(this.length + 2);
    file.set(this.buffer.subarray(0, this.length));
    const v = new DataView(file.buffer);
    v.setUint8(0, 14);
    v.setUint8(1, this.protocolVersion);
    v.setUint16(2, this.profileVersion, true);
    v.setUint32(4, this.length - 14, true); // data size: records only
    file.set([0x2e, 0x46, 0x49, 0x54], 8); // ".FIT"
    v.setUint16(12, crc16(file.subarray(0, 12)), true);
    v.setUint16(this.length, crc16(file.subarray(0, this.length)), true);
    return file;
  }
}

/**
 * A run recorded at one record per second, with a pause in the middle (the watch stops
 * recording while paused, so elapsed > timer time), as a FIT activity file.
 *
 * Each record carries timestamp, position (optional), distance (cm), heart rate and cadence
 * (per leg, rpm), plus the running dynamics and power a modern watch writes, and
 * `paddingFields` extra uint32 fields with numbers the FIT profile does not define (as
 * current Garmin watches write many undocumented fields; decoders skip them). Padding is
 * only there to reach a realistic file size for the duration.
 *
 * Returns { bytes, truth } where truth holds the numbers written to the session.
 */
export function syntheticRunFit({
  start = new Date(Date.UTC(2024, 3, 14, 6, 30, 0)),
  timerSeconds = 3 * 3600,
  pauseAt = 5400,
  pauseSeconds = 90,
  distanceM = 30_123.45,
  positions = true,
  paddingFields = 0,
} = {}) {
  const fit = new FitWriter();
  const t0 = fitTime(start);
  const elapsedSeconds = timerSeconds + pauseSeconds;
  const end = t0 + elapsedSeconds;

  fit.define(0, MESG.file_id, [
    [0, 'enum'], // type
    [1, 'uint16'], // manufacturer
    [2, 'uint16'], // product
    [3, 'uint32z'], // serial_number
    [4, 'uint32'], // time_created
  ]);
  fit.write(0, [4, 255, 1, 12345, t0]); // activity, manufacturer "development"

  fit.define(1, MESG.event, [
    [253, 'uint32'], // timestamp
    [0, 'enum'], // event
    [1, 'enum'], // event_type
    [3, 'uint32'], // data
  ]);
  const TIMER = 0;
  const [START, STOP_ALL] = [0, 4];
  fit.write(1, [t0, TIMER, START, 0]);

  // Record fields: [number, type]; the values below follow this order.
  const recordFields = [
    [253, 'uint32'], // timestamp
    ...(positions ? [[0, 'sint32'], [1, 'sint32']] : []), // position_lat, position_long
    [5, 'uint32'], // distance, m ×100
    [3, 'uint8'], // heart_rate, bpm
    [4, 'uint8'], // cadence, rpm (per leg)
    [53, 'uint8'], // fractional_cadence, ×128
    [73, 'uint32'], // enhanced_speed, m/s ×1000
    [78, 'uint32'], // enhanced_altitude, (m + 500) ×5
    [7, 'uint16'], // power, W
    [13, 'sint8'], // temperature, °C
    [39, 'uint16'], // vertical_oscillation, mm ×10
    [40, 'uint16'], // stance_time_percent, ×100
    [41, 'uint16'], // stance_time, ms ×10
    [83, 'uint16'], // vertical_ratio, ×100
    [84, 'uint16'], // stance_time_balance, ×100
    [85, 'uint16'], // step_length, mm ×10
    [29, 'uint32'], // accumulated_power, J
    ...Array.from({ length: paddingFields }, (_, i) => [200 + i, 'uint32']), // undefined numbers
  ];
  fit.define(2, MESG.record, recordFields);

  // Speed varies gently around the mean; cumulative distance is scaled so the last record
  // lands exactly on distanceM.
  const speedAt = (s) => 1 + 0.08 * Math.sin(s / 300) + 0.03 * Math.sin(s / 37);
  let raw = 0;
  const rawAt = [0];
  for (let s = 1; s <= timerSeconds; s += 1) {
    raw += speedAt(s);
    rawAt.push(raw);
  }
  const totalCm = Math.round(distanceM * 100);
  const metresPerRaw = distanceM / raw;
  let hrSum = 0;
  let cadenceSum = 0;
  let accumulated = 0;
  let lat = 51.5;
  let lon = -0.12;
  let paused = false;
  for (let s = 0; s <= timerSeconds; s += 1) {
    if (s === pauseAt && pauseSeconds > 0 && !paused) {
      fit.write(1, [t0 + s, TIMER, STOP_ALL, 0]);
      fit.write(1, [t0 + s + pauseSeconds, TIMER, START, 0]);
      paused = true;
    }
    const timestamp = t0 + s + (paused ? pauseSeconds : 0);
    const cm = s === timerSeconds ? totalCm : Math.round(rawAt[s] * metresPerRaw * 100);
    const speed = speedAt(s) * metresPerRaw; // m/s
    const heading = s / 1800; // a slow loop
    lat += (Math.cos(heading) * speed) / 111_195;
    lon += (Math.sin(heading) * speed) / (111_195 * Math.cos((lat * Math.PI) / 180));
    const hr = Math.round(150 + 8 * Math.sin(s / 600) + (s / timerSeconds) * 6);
    const cadence = Math.round(85 + 2 * Math.sin(s / 400));
    const power = Math.round(250 + 25 * Math.sin(s / 300));
    accumulated += power;
    hrSum += hr;
    cadenceSum += cadence;
    const altitude = 40 + 15 * Math.sin(s / 900);
    fit.write(2, [
      timestamp,
      ...(positions ? [semicircles(lat), semicircles(lon)] : []),
      cm,
      hr,
      cadence,
      (s * 37) % 128,
      Math.round(speed * 1000),
      Math.round((altitude + 500) * 5),
      power,
      12,
      Math.round(85 + 10 * Math.sin(s / 50)) * 10,
      3400 + (s % 200),
      2400 + (s % 300),
      780 + (s % 50),
      5000 + (s % 40),
      Math.round((speed / ((cadence * 2) / 60)) * 10000),
      accumulated,
      ...Array.from({ length: paddingFields }, (_, i) => (s * 2654435761 + i * 40503) >>> 0),
    ]);
  }
  fit.write(1, [end, TIMER, STOP_ALL, 0]);

  const records = timerSeconds + 1;
  const avgHr = Math.round(hrSum / records);
  const avgCadence = Math.round(cadenceSum / records);
  const RUNNING = 1;
  const timing = [t0, elapsedSeconds * 1000, timerSeconds * 1000, totalCm];

  fit.define(3, MESG.lap, [
    [253, 'uint32'], // timestamp
    [0, 'enum'], // event: lap (9)
    [1, 'enum'], // event_type: stop (1)
    [2, 'uint32'], // start_time
    [7, 'uint32'], // total_elapsed_time, s ×1000
    [8, 'uint32'], // total_timer_time, s ×1000
    [9, 'uint32'], // total_distance, m ×100
    [15, 'uint8'], // avg_heart_rate
    [17, 'uint8'], // avg_cadence
    [25, 'enum'], // sport
    [254, 'uint16'], // message_index
  ]);
  fit.write(3, [end, 9, 1, ...timing, avgHr, avgCadence, RUNNING, 0]);

  fit.define(4, MESG.session, [
    [253, 'uint32'], // timestamp
    [0, 'enum'], // event: session (8)
    [1, 'enum'], // event_type: stop (1)
    [2, 'uint32'], // start_time
    [7, 'uint32'], // total_elapsed_time, s ×1000
    [8, 'uint32'], // total_timer_time, s ×1000
    [9, 'uint32'], // total_distance, m ×100
    [5, 'enum'], // sport
    [6, 'enum'], // sub_sport: generic (0)
    [16, 'uint8'], // avg_heart_rate
    [18, 'uint8'], // avg_cadence (per leg)
    [25, 'uint16'], // first_lap_index
    [26, 'uint16'], // num_laps
    [254, 'uint16'], // message_index
  ]);
  fit.write(4, [end, 8, 1, ...timing, RUNNING, 0, avgHr, avgCadence, 0, 1, 0]);

  fit.define(5, MESG.activity, [
    [253, 'uint32'], // timestamp
    [0, 'uint32'], // total_timer_time, s ×1000
    [1, 'uint16'], // num_sessions
    [2, 'enum'], // type: manual (0)
    [3, 'enum'], // event: activity (26)
    [4, 'enum'], // event_type: stop (1)
  ]);
  fit.write(5, [end, timerSeconds * 1000, 1, 0, 26, 1]);

  return {
    bytes: fit.bytes(),
    truth: {
      sport: 'running',
      start: start.toISOString(),
      distanceM: totalCm / 100,
      elapsedSeconds,
      timerSeconds,
      avgHr,
      avgCadence,
      records,
    },
  };
}
