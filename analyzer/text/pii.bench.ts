/**
 * Timing for maskPersonalData. Run: `npx tsx analyzer/text/pii.bench.ts [path/to/jddc.jsonl]`.
 *
 * Reads the customer lines of the JDDC 2019 sample from ../shared/data/ (not part of the repository; the
 * script says so and skips that part when the file is absent), then a set of made-up lines that all take the
 * slow path (digits, e-mails, addresses), and prints µs per line for each.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { maskPersonalData } from './pii.ts';

const DEFAULT_DATA = fileURLToPath(new URL('../../../shared/data/jddc2019_chat_sample.train.jsonl', import.meta.url));

/** Calls maskPersonalData over `lines` repeatedly for about `ms` milliseconds; returns µs per line. */
function time(lines: string[], ms = 1_000): { usPerLine: number; calls: number } {
  let sink = 0;
  for (let i = 0; i < 3; i++) for (const line of lines) sink += maskPersonalData(line).text.length; // warm-up
  let calls = 0;
  const started = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (const line of lines) sink += maskPersonalData(line).text.length;
    calls += lines.length;
    elapsed = process.hrtime.bigint() - started;
  }
  if (sink < 0) console.log(sink); // keep the work observable
  return { usPerLine: Number(elapsed) / 1_000 / calls, calls };
}

function report(name: string, lines: string[]): void {
  const { usPerLine, calls } = time(lines);
  console.log(`${name}: ${lines.length} lines, ${calls} calls, ${usPerLine.toFixed(3)} µs/line`);
}

const path = process.argv[2] ?? DEFAULT_DATA;
if (existsSync(path)) {
  const customer: string[] = [];
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    if (raw.trim() === '') continue;
    const row = JSON.parse(raw) as { is_agent?: boolean; text?: unknown };
    if (row.is_agent === false && typeof row.text === 'string') customer.push(row.text);
  }
  const touched = customer.filter((l) => {
    const r = maskPersonalData(l);
    return r.text !== l || r.orderIds.length > 0;
  }).length;
  console.log(`JDDC customer lines (${path}): ${touched} of ${customer.length} changed or gave order ids`);
  report('JDDC customer lines', customer);
} else {
  console.log(`JDDC sample not found at ${path}: skipping the real-chat timing (pass a path to use another file)`);
}

// Made-up lines, every one of them on the slow path.
const slow = [
  '我手机13800138000，快点发货',
  '订单号：123456789012 还没到，电话 138 0013 8000',
  '收货地址：广东省深圳市南山区科技园南区XX大厦5楼',
  '北京市朝阳区建国路88号SOHO现代城2号楼1201室，怎么还没送到',
  '邮箱zhangsan@163.com 发票开一下',
  '退款到我的储蓄卡 6228 4800 1234 5678 911',
  '2026-11-11下单的，199元，买了3件，42码',
  '顺丰SF1234567890123三天了还在广州仓',
  '座机0571-86543210转123，客服400-123-4567打不通',
  '身份证号110105198001011238，清关要用',
  '上海这边下雨了，发北京要几天',
  '第2件半价，到手价¥88.5',
];
report('slow-path lines (made up)', slow);
