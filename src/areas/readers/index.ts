/** Area file readers: shapefile, zipped shapefile and GeoJSON → WGS84 areas. */
export type { AreaFile, NamedFile, RawArea, ReadAreaOptions } from './area-file.ts';
export { readAreaFile } from './read-area-file.ts';
export { readAreaFiles } from './read-area-files.ts';
