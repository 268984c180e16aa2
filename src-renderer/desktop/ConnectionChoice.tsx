import { useState } from 'react';
import type { ServerProbe } from '../../src-shared/desktopBridge';
import { connection } from './connection';
import { errorText } from '../errorText';

/**
 * First start of the desktop app: 本机单机使用 (the data on this PC, as before) or 连接本院服务器.
 * For the server the certificate is fetched and its fingerprint shown; the clerk compares it
 * group by group with the one the administrator was shown at setup, and only then is it pinned.
 */
export function ConnectionChoice({ onChosen }: { onChosen: () => void }) {
  const [step, setStep] = useState<'choose' | 'address' | 'confirm'>('choose');
  const [address, setAddress] = useState('');
  const [probe, setProbe] = useState<ServerProbe | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <div className="login-box connection-box" data-testid="connection-choice">
        <h1>执行案件管理系统</h1>
        {step === 'choose' ? (
          <>
            <p>首次启动：请选择本机的使用方式。</p>
            <button type="button" className="choice" disabled={busy} data-testid="mode-local" onClick={() => void run(async () => (await connection({ action: 'useLocal' }), onChosen()))}>
              <strong>本机单机使用</strong>
              <span className="muted">案件数据保存在这台电脑上，只有本机使用。</span>
            </button>
            <button type="button" className="choice" disabled={busy} data-testid="mode-server" onClick={() => setStep('address')}>
              <strong>连接本院服务器</strong>
              <span className="muted">多人同时办案：连接系统管理员在法院专网上安装的服务器。</span>
            </button>
          </>
        ) : null}
        {step === 'address' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                setProbe(await connection({ action: 'probe', address }));
                setStep('confirm');
              });
            }}
            className="connection-form"
          >
            <label>
              服务器地址（地址:端口）
              <input value={address} onChange={(e) => setAddress(e.target.value)} placeholder="例如 10.20.1.5:8443" autoFocus data-testid="server-address" />
            </label>
            <span className="field-hint">向系统管理员索取服务器地址和证书指纹。</span>
            <div className="actions">
              <button type="submit" className="primary" disabled={busy} data-testid="server-probe">
                {busy ? '正在获取证书…' : '获取服务器证书'}
              </button>
              <button type="button" disabled={busy} onClick={() => (setStep('choose'), setError(null))}>
                返回
              </button>
            </div>
          </form>
        ) : null}
        {step === 'confirm' && probe ? (
          <>
            <p>
              服务器 <strong>{probe.address}</strong> 出示的证书指纹（SHA-256）：
            </p>
            <pre className="fingerprint" data-testid="server-fingerprint">
              {probe.fingerprintLines.join('\n')}
            </pre>
            <p className="field-hint">
              证书主体：{probe.subject}；有效期至：{probe.validTo}
            </p>
            <p className="notice">请与系统管理员提供的证书指纹逐组核对。全部一致才能连接；只要有一组不同，请不要连接，并立即告知管理员——可能有人在冒充本院服务器。</p>
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={busy}
                data-testid="server-confirm"
                onClick={() => void run(async () => (await connection({ action: 'useServer', address: probe.address, fingerprint256: probe.fingerprint256 }), onChosen()))}
              >
                指纹一致，连接
              </button>
              <button type="button" disabled={busy} data-testid="server-reject" onClick={() => (setProbe(null), setStep('address'))}>
                不一致，不连接
              </button>
            </div>
          </>
        ) : null}
        {error ? (
          <div className="field-error" role="alert" data-testid="connection-error">
            {error}
          </div>
        ) : null}
      </div>
    </div>
  );
}
