/** What reading a facility file gives (see `readFacilityFiles`). */

export interface ReadFacilityOptions {
  /** Field with the facility's number (its identity across deliveries); guessed when absent. */
  idField?: string;
  /** Field with the name; guessed (/name|bezeichnung/) when absent, else the number is the name. */
  nameField?: string;
  /** Field with the capacity (places, m², hours); guessed (/platz|plätze|kapazit/) when absent. */
  capacityField?: string;
  /** Field with the Träger; guessed (/träger|traeger|t_name/) when absent. */
  carrierField?: string;
  /** Fields joined into the address, e.g. street, number, postcode, town; guessed when absent. */
  addressFields?: string[];
  /** CRS of the coordinates; wins over `.prj` and GeoJSON `crs`. */
  crs?: string;
  /** CSV only: the coordinate columns, when their names are not lon/lat, x/y, Rechtswert/Hochwert. */
  xField?: string;
  yField?: string;
}

export interface FacilityProblem {
  /** Record number (GeoJSON, Shapefile) or line (CSV); null for the file as a whole. */
  row: number | null;
  field: string | null;
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface RawFacility {
  row: number;
  key: string;
  name: string;
  capacity: number | null;
  carrier: string | null;
  address: string | null;
  lon: number;
  lat: number;
  properties: Record<string, unknown>;
}

export interface FacilityFile {
  fileName: string;
  /** SHA-256 (hex) of the main file. */
  fileHash: string;
  crs: string;
  fields: string[];
  choice: {
    idField: string;
    nameField: string | null;
    capacityField: string | null;
    carrierField: string | null;
    addressFields: string[];
  };
  /** Facilities of the rows without errors, in file order. */
  facilities: RawFacility[];
  problems: FacilityProblem[];
}
