/** Numbered progress lines on stderr, so stdout stays for results. */
export function createStepLog(title: string) {
  let step = 0
  const started = Date.now()
  process.stderr.write(`${title}\n`)
  return {
    step(text: string) {
      step += 1
      process.stderr.write(`\n${step}. ${text}\n`)
    },
    log(line: string) {
      process.stderr.write(`   ${line}\n`)
    },
    done() {
      process.stderr.write(
        `\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      )
    },
  }
}
