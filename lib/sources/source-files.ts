/**
 * The public datasets the pipeline is built on (Bhowmick & Pazour, IISE 2024), pinned to one commit
 * of the authors' repository and to the sha256 of each file at that commit.
 */

export const SOURCE_REPOSITORY = 'JoyjitBhowmick/Omnichannel-Retail-Datasets';
export const SOURCE_COMMIT = 'e561429f63a3b200911187413054818cacac5509';
export const SOURCE_RAW_BASE_URL = `https://raw.githubusercontent.com/${SOURCE_REPOSITORY}/${SOURCE_COMMIT}`;

export const SOURCE_CITATION =
  'Joyjit Bhowmick and Jennifer Pazour. A Connected In-Store and Online Customer Data Set for ' +
  'Omnichannel Retail Logistics Research. IIE Annual Conference Proceedings, pp. 1–6, IISE, 2024.';
export const SOURCE_LICENCE = 'Research and any non-commercial use, with citation (per the authors).';

export type SourceKey =
  'familyMapping' | 'productInformation' | 'demandBehaviour' | 'arrivals' | 'aisleProducts';

export interface SourceFile {
  key: SourceKey;
  /** File name exactly as published, spaces included. */
  fileName: string;
  sha256: string;
  /** Data rows expected (header excluded). */
  rows: number;
}

export const SOURCE_FILES: readonly SourceFile[] = [
  {
    key: 'familyMapping',
    fileName: 'Product Family Mapping.csv',
    sha256: '123a6e0e299ee8ba2ed440d3be36634d254a17edcdc3dedb9be28fecf78e8273',
    rows: 134,
  },
  {
    key: 'productInformation',
    fileName: 'Product Information.csv',
    sha256: '18b02247955a126ad6da62fb77cf7ed64245c773fb163491f7356ca5fb208745',
    rows: 134,
  },
  {
    key: 'demandBehaviour',
    fileName: 'Demand and Shopping Behavior.csv',
    sha256: '2cef00b82a61e32fcb9abfcf3481b725b9d9acf944ee99c0f2fac8dfdb5c9f63',
    rows: 134,
  },
  {
    key: 'arrivals',
    fileName: 'In-store Customer and Online Order Arrivals.csv',
    sha256: '1344c4056107ecd3e138a929a15a0dbe4386eae5c67fd4afaa0daa5cc7c2247e',
    rows: 168,
  },
  {
    key: 'aisleProducts',
    fileName: 'Aisle ID to Products.csv',
    sha256: 'e4e0214e0ca89b4d74c67344d5fab673d1ad0f282df3c97cb1fe475932843a5e',
    rows: 49688,
  },
];

export function sourceUrl(file: SourceFile, baseUrl: string = SOURCE_RAW_BASE_URL): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(file.fileName)}`;
}
