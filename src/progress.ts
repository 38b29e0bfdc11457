/**
 * Progress of long work (many PDFs): on a terminal one line rewritten in
 * place, elsewhere (CI, logs) one plain line per step. Shown from 3 steps on.
 */
export function createProgress(stream: NodeJS.WriteStream, what: string) {
  const started = performance.now();
  return (done: number, total: number, label: string): void => {
    if (total < 3) return;
    const elapsed = (performance.now() - started) / 1000;
    const left = done > 0 ? (elapsed / done) * (total - done) : 0;
    const eta = done < total ? ` · 预计还需 ${Math.ceil(left)} 秒` : '';
    const line = `${what} ${done}/${total} ${label} · 已用 ${Math.round(elapsed)} 秒${eta}`;
    if (stream.isTTY) stream.write(`\r\x1b[K${line}${done === total ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };
}
