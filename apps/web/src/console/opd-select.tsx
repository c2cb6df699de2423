import type { ProvinceNames } from './province-names.ts';

/** The province's OPDs as a select; `empty` labels the no-choice option ("Semua", or blank). */
export function OpdSelect(props: {
  names: ProvinceNames;
  value: string;
  onChange: (opdId: string) => void;
  empty: string;
  required?: boolean;
  testId?: string;
}) {
  return (
    <select
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      required={props.required}
      data-testid={props.testId}
    >
      <option value="">{props.empty}</option>
      {props.names.opds.map((o) => (
        <option key={o.id} value={o.id}>
          {o.shortName}
        </option>
      ))}
    </select>
  );
}
