/** A password typed on the terminal without echo, twice, for the admin CLI. */
import { createInterface } from 'node:readline';

function askOnce(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!process.stdin.isTTY) {
      reject(new Error('No terminal to ask for the password: set HEADOFFICE_ADMIN_PASSWORD'));
      return;
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing while the password is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stdout.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

export async function askPassword(question: string): Promise<string> {
  const first = await askOnce(question);
  const second = await askOnce('Again: ');
  if (first !== second) throw new Error('The two passwords differ');
  return first;
}
