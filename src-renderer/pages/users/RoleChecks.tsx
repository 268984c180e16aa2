import { ROLES, type Role } from '../../../src-shared/api/roles';

/**
 * The roles of the command centre as checkboxes (ids `<prefix>-role-<role>`), with the error under
 * them. Not a `Field`: that is a <label>, and labels must not nest.
 */
export function RoleChecks(props: { value: Role[]; onChange: (roles: Role[]) => void; testPrefix: string; error?: string | undefined }) {
  return (
    <div className={`field wide${props.error ? ' has-error' : ''}`} role="group" aria-label="角色">
      <span className="field-label">
        角色<span className="req">*</span>
      </span>
      <div className="row">
        {(Object.keys(ROLES) as Role[]).map((r) => (
          <label key={r} className="check">
            <input
              type="checkbox"
              checked={props.value.includes(r)}
              onChange={(e) => props.onChange(e.target.checked ? [...props.value, r] : props.value.filter((x) => x !== r))}
              data-testid={`${props.testPrefix}-role-${r}`}
            />
            {ROLES[r]}
          </label>
        ))}
      </div>
      {props.error ? (
        <span className="field-error" role="alert" data-testid="field-error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}
