/**
 * A placeholder in a line: our own PII masks ([手机号], [地址]), the de-identification tags of public chat sets
 * ([订单x], [数字x]) and chat apps' emoji codes ([捂脸]). One definition, so that segmenting, the classifier's
 * canonical text and its reading of a line's end agree on what one is.
 */

/** A character of the name inside the brackets (the name is one to ten of them). */
const NAME_CHAR = String.raw`[^\]\s\[]`;

/** The source of one placeholder, to build larger patterns from. */
export const PLACEHOLDER_SOURCE = String.raw`\[${NAME_CHAR}{1,10}\]`;

/** One placeholder, captured whole (for `split`: it stays one token). */
export const PLACEHOLDER_TOKEN = new RegExp(`(${PLACEHOLDER_SOURCE})`);

/** Every placeholder, capturing its name without the public sets' trailing `x` ([订单x] → 订单). */
export const PLACEHOLDER_NAMES = new RegExp(String.raw`\[(${NAME_CHAR}{1,10}?)x?\]`, 'g');
