"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions/guard";
import { badRequest } from "@/lib/errors";
import { parseGlossaryCsv } from "@/lib/formats/glossary-csv";
import {
  createGlossaryTerm,
  deleteGlossaryTerm,
  importGlossaryTerms,
  updateGlossaryTerm,
  type ImportSummary,
} from "@/lib/server/glossary";
import { GLOSSARY_IMPORT_LIMITS, glossaryTermSchema } from "@/lib/validation/glossary";

const idSchema = z.string().min(1).max(64);

export async function createTermAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<void>> {
  return runAction(
    "manage:glossary",
    glossaryTermSchema,
    Object.fromEntries(form),
    async (d, a) => {
      await createGlossaryTerm(d, a);
      revalidatePath("/glossary");
    },
  );
}

export async function updateTermAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<void>> {
  return runAction(
    "manage:glossary",
    glossaryTermSchema.extend({ id: idSchema }),
    Object.fromEntries(form),
    async ({ id, ...d }, a) => {
      await updateGlossaryTerm(id, d, a);
      revalidatePath("/glossary");
    },
  );
}

export async function deleteTermAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<void>> {
  return runAction(
    "manage:glossary",
    z.object({ id: idSchema }),
    Object.fromEntries(form),
    async ({ id }, a) => {
      await deleteGlossaryTerm(id, a);
      revalidatePath("/glossary");
    },
  );
}

const importSchema = z.object({
  file: z
    .instanceof(File, { message: "choose a CSV file" })
    .refine((f) => f.size > 0, "the file is empty")
    .refine(
      (f) => f.size <= GLOSSARY_IMPORT_LIMITS.maxBytes,
      `the file exceeds ${GLOSSARY_IMPORT_LIMITS.maxBytes.toLocaleString("en-US")} bytes`,
    ),
});

/** All or nothing: any invalid row refuses the whole file, with every error by row. */
export async function importCsvAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<ImportSummary>> {
  return runAction(
    "manage:glossary",
    importSchema,
    { file: form.get("file") },
    async ({ file }, a) => {
      const { rows, errors } = parseGlossaryCsv(await file.text());
      if (errors.length > 0) {
        throw badRequest(
          `${errors.length} problem${errors.length === 1 ? "" : "s"} found; nothing was imported`,
          { rowErrors: errors.slice(0, 100) },
        );
      }
      if (rows.length === 0) throw badRequest("The file has no glossary rows");
      const summary = await importGlossaryTerms(rows, a);
      revalidatePath("/glossary");
      return summary;
    },
  );
}
