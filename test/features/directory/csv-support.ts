// Test helper: text in CP949 (what Excel saves as "CSV (쉼표로 분리)" on
// Korean Windows). Node decodes EUC-KR/CP949 but does not encode it, so the
// table is built by decoding every two-byte code once.
let table: Map<string, number[]> | undefined;

export function encodeCp949(text: string): Uint8Array {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder('euc-kr');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x41; trail <= 0xfe; trail++) {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`not in CP949: ${ch}`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}
