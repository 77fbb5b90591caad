/*
 * Lua versions of the decisions in rate-limit.algorithms.ts, run atomically by Redis. Time is the
 * Redis server's (TIME, whole milliseconds), so nodes with skewed clocks agree. Numbers are written
 * with %.0f because Lua's default formatting would turn large epochs into exponent notation.
 */

const NOW = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
`;

// The end of a lockout (sliding log) or block (upstream 429), whichever is later.
const BLOCKED_UNTIL = `
local blockedUntil = math.max(tonumber(redis.call('GET', KEYS[2]) or 0), tonumber(redis.call('GET', KEYS[3]) or 0))
`;

/** KEYS: log, lockout, block. ARGV: limit, windowMs, lockoutMs (0 = none), unique member. */
export const HIT_SCRIPT = `${NOW}${BLOCKED_UNTIL}
local limit, windowMs, lockoutMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
if blockedUntil > now then return {0, 0, blockedUntil - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], windowMs)
  return {1, limit - count - 1, 0}
end
if lockoutMs > 0 then
  redis.call('SET', KEYS[2], string.format('%.0f', now + lockoutMs), 'PX', lockoutMs)
  return {0, 0, lockoutMs}
end
local oldest = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
return {0, 0, tonumber(oldest[2]) + windowMs - now}
`;

/** KEYS: theoretical arrival time, lockout, block. ARGV: intervalMs, burst, maxWaitMs (-1 = none). */
export const RESERVE_SCRIPT = `${NOW}${BLOCKED_UNTIL}
local intervalMs, burst, maxWaitMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local tolerance = (burst - 1) * intervalMs
local arrival = math.max(tonumber(redis.call('GET', KEYS[1]) or 0), now)
if blockedUntil > now then arrival = math.max(arrival, blockedUntil + tolerance) end
local waitMs = math.max(0, arrival - tolerance - now)
if maxWaitMs >= 0 and waitMs > maxWaitMs then return {0, waitMs} end
local nextArrival = arrival + intervalMs
redis.call('SET', KEYS[1], string.format('%.0f', nextArrival), 'PX', nextArrival - now)
return {1, waitMs}
`;

/** KEYS: block. ARGV: durationMs (> 0). Only ever extends an existing block. */
export const BLOCK_SCRIPT = `${NOW}
local durationMs = tonumber(ARGV[1])
local untilMs = now + durationMs
if untilMs > tonumber(redis.call('GET', KEYS[1]) or 0) then
  redis.call('SET', KEYS[1], string.format('%.0f', untilMs), 'PX', durationMs)
end
return 0
`;

/** KEYS: (unused), lockout, block. Milliseconds until both have ended. */
export const BLOCKED_FOR_SCRIPT = `${NOW}${BLOCKED_UNTIL}
return math.max(0, blockedUntil - now)
`;
