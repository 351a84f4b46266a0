/** A file the analysis view produced: metrics, projector TSVs, chart images. */
export interface ExportedFile {
  name: string;
  blob: Blob;
}

/** Saves a file through the browser's download (an object URL on a temporary link). */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Text as a downloadable file with the right type. */
export function textFile(name: string, text: string, type: string): ExportedFile {
  return { name, blob: new Blob([text], { type: `${type};charset=utf-8` }) };
}
