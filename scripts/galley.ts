// Ops CLI: npm run galley -- <command> [options]. It calls the same lib/server
// functions as the app, so the two paths cannot drift apart.
import { parseArgs } from "node:util";
import { commands, usage } from "./cli/commands";

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: command.positionals > 0,
      strict: true,
    });
  } catch (err) {
    process.stderr.write(
      `${(err as Error).message}\n\nUsage: npm run galley -- ${name} ${command.usage}\n`,
    );
    return 2;
  }
  if (parsed.positionals.length < command.positionals) {
    process.stderr.write(`Missing argument.\nUsage: npm run galley -- ${name} ${command.usage}\n`);
    return 2;
  }
  return command.run(
    parsed.values as Record<string, string | boolean | undefined>,
    parsed.positionals,
  );
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
