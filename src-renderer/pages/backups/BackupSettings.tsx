import { useState } from 'react';
import { api, ApiCallError } from '../../api/client';
import { Field } from '../../components/Field';
import { useSession } from '../../session';

type Form = { backupDir: string; backupDaily: boolean; backupKeepDays: string; backupKeepMin: string };

/** The backup settings (settings.set): folder, daily backups and the retention rule. */
export function BackupSettings() {
  const { settings, reloadSettings, user } = useSession();
  // Where backups go and how long they stay are the administrator's (SETTING_EDITORS, src-shared/settings.ts).
  const isAdmin = user.roles.includes('admin');
  const [form, setForm] = useState<Form>({
    backupDir: settings.backupDir,
    backupDaily: settings.backupDaily,
    backupKeepDays: String(settings.backupKeepDays),
    backupKeepMin: String(settings.backupKeepMin),
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);

  // The ranges of SETTINGS_SCHEMA (src-shared/settings.ts), said in Chinese before the call.
  const whole = (key: 'backupKeepDays' | 'backupKeepMin', label: string, max: number): number | string => {
    const v = form[key].trim();
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    return n >= 1 && n <= max ? n : `${label}应为1至${max}之间的整数`;
  };

  const save = async () => {
    setSaved(null);
    const days = whole('backupKeepDays', '保留天数', 3650);
    const min = whole('backupKeepMin', '至少保留份数', 1000);
    const local: typeof errors = {};
    if (typeof days === 'string') local.backupKeepDays = days;
    if (typeof min === 'string') local.backupKeepMin = min;
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      await api.call('settings.set', { backupDir: form.backupDir.trim(), backupDaily: form.backupDaily, backupKeepDays: days as number, backupKeepMin: min as number });
      await reloadSettings();
      setSaved('备份设置已保存');
    } catch (e) {
      if (e instanceof ApiCallError) {
        const key = (e.field?.split('.')[0] ?? '') as keyof Form;
        if (key in form) setErrors({ [key]: e.message });
        else setSaved(`保存失败：${e.message}`);
      }
    }
  };

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="backup-settings"
    >
      <fieldset disabled={!isAdmin}>
        <legend>备份设置</legend>
        {isAdmin ? null : (
          <p className="muted" data-testid="backup-settings-admin-only">
            备份文件夹与保留规则只能由系统管理员修改。
          </p>
        )}
        <div className="row">
          <Field label="备份文件夹" wide error={errors.backupDir} hint="留空则存放在数据文件夹内的默认备份文件夹（页首所示）；建议设在另一块硬盘或移动硬盘上（须为绝对路径，如 D:\执行备份）">
            <input value={form.backupDir} onChange={(e) => setForm({ ...form, backupDir: e.target.value })} data-testid="backup-dir" />
          </Field>
        </div>
        <div className="row">
          <label className="check">
            <input type="checkbox" checked={form.backupDaily} onChange={(e) => setForm({ ...form, backupDaily: e.target.checked })} data-testid="backup-daily" />
            每天自动备份一次
          </label>
          <Field label="自动备份保留天数" error={errors.backupKeepDays} hint="超过天数的自动备份将被删除">
            <input inputMode="numeric" value={form.backupKeepDays} onChange={(e) => setForm({ ...form, backupKeepDays: e.target.value })} data-testid="backup-keep-days" />
          </Field>
          <Field label="至少保留份数" error={errors.backupKeepMin} hint="无论多旧，最新的这些份都保留">
            <input inputMode="numeric" value={form.backupKeepMin} onChange={(e) => setForm({ ...form, backupKeepMin: e.target.value })} data-testid="backup-keep-min" />
          </Field>
        </div>
        {saved ? (
          <div className={saved.startsWith('保存失败') ? 'error-banner' : 'success'} data-testid="backup-settings-message">
            {saved}
          </div>
        ) : null}
        <button type="submit" className="primary" data-testid="backup-settings-save">
          保存备份设置
        </button>
      </fieldset>
    </form>
  );
}
