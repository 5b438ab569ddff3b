/** One line of an event-time chart (EventChart): a value per event time, null where there is none. */
export interface EventLine {
  key: string;
  label: string;
  color: string;
  values: (number | null)[];
  dashed?: boolean;
  dots?: boolean;
}
