// How the public reading page sets an article; the workbench's reader preview uses the same.

/** Korean reads best in a Gothic face with generous leading and breaks between eojeol. */
export function readerTypography(targetLang: string) {
  const lang = targetLang.split("-")[0]!.toLowerCase();
  if (["ko", "ja", "zh"].includes(lang)) {
    return {
      title: "font-sans text-[1.75rem] font-bold leading-snug break-keep sm:text-[2rem]",
      body: "font-sans text-[1.0625rem] leading-[1.85] break-keep",
    };
  }
  return {
    title:
      "font-sans text-3xl font-bold leading-tight tracking-tight text-balance sm:text-[2.25rem]",
    body: "font-serif text-[1.1875rem] leading-[1.7] hyphens-auto",
  };
}
