/**
 * `npm run docs`: the API reference of the package's public entries
 * (typedoc.json: one entry point per `exports` subpath), built into
 * docs/api with TypeDoc, warnings treated as errors.
 *
 * On top of TypeDoc's own validation (broken `{@link}`s, ...) this script
 * fails the build for every public export without a TSDoc comment: a
 * function, class, interface, type alias, variable, enum or namespace that
 * an entry point exports. Members (properties, methods) are not required
 * here — TypeDoc's `notDocumented` would flag ~6 000 of them, mostly in the
 * generated TL types.
 *
 * The generated `tl` namespace (ts/tl/generated/types.ts, ~2 000
 * constructors and methods) is left out of the reference (typedoc.json:
 * `externalPattern` + `excludeExternals`; its types show as plain names): it
 * is built from the schema and documented there (`wasmgram tl show <name>`,
 * https://core.telegram.org/schema); rendered by TypeDoc it was 6 000 pages,
 * 80 MB, and most of the build time. Source links point into the checkout
 * (`../../../{path}`, right from the pages one folder below docs/api): the
 * repository has no public remote to link to.
 *
 * Usage: `node --import tsx build/docs.ts [--check] [--options FILE] [--out DIR]` —
 * `--check` validates without writing the HTML; `--options` reads another
 * TypeDoc config (the tests point it at a fixture); `--out` writes
 * somewhere else than the config's `out`.
 */
import { Application, type DeclarationReflection, type ProjectReflection, ReflectionKind, TSConfigReader, TypeDocReader } from 'typedoc';

/** Kinds that must carry a comment when an entry point exports them. */
const REQUIRED =
  ReflectionKind.Function |
  ReflectionKind.Class |
  ReflectionKind.Interface |
  ReflectionKind.TypeAlias |
  ReflectionKind.Variable |
  ReflectionKind.Enum |
  ReflectionKind.Namespace;

/** True for reflections declared in generated TL code (documented from the schema). */
function isGenerated(r: DeclarationReflection): boolean {
  return (r.sources ?? []).some((s) => s.fileName.includes('ts/tl/generated/'));
}

/** Whether `r` has a comment of its own or on one of its signatures. */
function documented(r: DeclarationReflection): boolean {
  if (r.hasComment()) return true;
  if (r.signatures?.some((s) => s.hasComment())) return true;
  if (r.getSignature?.hasComment() || r.setSignature?.hasComment()) return true;
  return false;
}

/** The exports of every entry point that lack TSDoc, as `module.Name (Kind) at file:line`. */
export function undocumentedExports(project: ProjectReflection): string[] {
  const missing: string[] = [];
  // One entry point: the project is the module; several: one module reflection each.
  const modules = project.children?.some((c) => c.kindOf(ReflectionKind.Module)) ? project.children : [project];
  for (const module of modules ?? []) {
    for (const r of module.children ?? []) {
      if (!r.kindOf(REQUIRED) || isGenerated(r) || documented(r)) continue;
      const at = r.sources?.[0];
      missing.push(`${module.name}.${r.name} (${ReflectionKind[r.kind]}) at ${at ? `${at.fileName}:${at.line}` : '?'}`);
    }
  }
  return missing.sort();
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const at = process.argv.indexOf('--options');
  const options = at > 0 ? process.argv[at + 1] : 'typedoc.json';
  const app = await Application.bootstrapWithPlugins({ options }, [new TypeDocReader(), new TSConfigReader()]);
  const project = await app.convert();
  if (!project) {
    console.error('docs: TypeDoc could not convert the project');
    return 1;
  }
  const missing = undocumentedExports(project);
  for (const m of missing) console.error(`docs: exported without TSDoc: ${m}`);
  app.validate(project);
  if (app.logger.hasErrors() || app.logger.hasWarnings()) {
    console.error('docs: TypeDoc reported warnings or errors (treated as errors)');
    return 1;
  }
  if (missing.length > 0) {
    console.error(`docs: ${missing.length} public export(s) without TSDoc`);
    return 1;
  }
  if (!check) {
    const outAt = process.argv.indexOf('--out');
    const out = outAt > 0 ? process.argv[outAt + 1]! : app.options.getValue('out');
    await app.generateDocs(project, out);
    if (app.logger.hasErrors() || app.logger.hasWarnings()) return 1;
    console.log(`docs: API reference written to ${out}`);
  } else console.log('docs: every public export has TSDoc; no TypeDoc warnings');
  return 0;
}

process.exitCode = await main();
