/**
 * Saves a Blob as a download under `name`, from the page (a temporary link clicked). The object URL
 * is revoked a moment later: some browsers read it after click() has returned.
 */
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
