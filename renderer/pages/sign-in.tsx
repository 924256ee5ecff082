/** Sign-in: pick your name, type your PIN, Enter. */
import { Alert, Button, Empty, Form, Input, Radio, type InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../db/api';
import { useErrorText } from '../forms/error-text';
import { describedBy, FieldFrame } from '../forms/fields';
import { useDeskMutation, useDeskQuery } from '../use-desk';
import { Screen } from './screen';
import { matchTyped, TYPING_PAUSE_MS, typedLetter } from './sign-in-typing';

type SignInProps = {
  /** Why the screen shows (an errors key such as `session_expired`), or null. */
  reason: string | null;
  /** Said above the form after a restore: which backup the counter now works on. */
  notice?: string | null;
  onSignedIn: () => void;
};

function errorKeyOf(error: DeskError): string {
  return error.issues?.[0]?.key ?? error.key;
}

export function SignInPage({ reason, notice, onSignedIn }: SignInProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { state } = useDeskQuery('session.staffList', {}, { refetchOn: ['staff.changed', 'setup.changed'] });
  const signIn = useDeskMutation('session.signIn');
  const staffList = useMemo(() => state.value ?? [], [state.value]);
  const [chosen, setChosen] = useState<string | null>(null);
  const staffId = chosen ?? (staffList.length === 1 ? (staffList[0]?.id ?? null) : null);
  const [pin, setPin] = useState('');
  const [staffError, setStaffError] = useState<string | undefined>(undefined);
  const [pinError, setPinError] = useState<string | undefined>(undefined);
  const pinRef = useRef<InputRef>(null);

  // Letters typed outside the PIN pick a name; the PIN gets the focus once the typing pauses.
  const typing = useRef<{ word: string; timer: number | undefined }>({ word: '', timer: undefined });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (target instanceof HTMLInputElement && target.type !== 'radio') return;
      if (target instanceof HTMLTextAreaElement) return;
      const letter = typedLetter(event);
      if (letter === null) return;
      const state = typing.current;
      window.clearTimeout(state.timer);
      state.word += letter;
      const found = matchTyped(staffList, state.word);
      if (found) {
        event.preventDefault();
        setChosen(found.id);
        setStaffError(undefined);
      }
      state.timer = window.setTimeout(() => {
        state.word = '';
        if (found) pinRef.current?.focus();
      }, TYPING_PAUSE_MS);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [staffList]);
  useEffect(() => () => window.clearTimeout(typing.current.timer), []);

  // Once we know who is signing in (picked, or the only one on the list), the PIN is next —
  // unless the name is being typed, when its next letter must not land in the PIN.
  useEffect(() => {
    if (staffId !== null && typing.current.word === '') pinRef.current?.focus();
  }, [staffId]);

  const submit = async (): Promise<void> => {
    if (!staffId) {
      setStaffError('required');
      return;
    }
    const result = await signIn.run({ staffId, pin });
    if (result.ok) {
      onSignedIn();
      return;
    }
    // Wrong PIN, locked, no PIN on this PC yet (a colleague synced from another PC: an admin sets it
    // here), deactivated: all answer "why can't I sign in", next to the PIN.
    setPin('');
    setPinError(errorKeyOf(result.error));
    pinRef.current?.focus();
  };

  return (
    <Screen title={t('signIn.title')}>
      {notice ? <Alert type="success" showIcon title={notice} role="status" style={{ marginBottom: 16 }} /> : null}
      {reason ? (
        <Alert type="warning" showIcon title={errorText(reason)} role="status" style={{ marginBottom: 16 }} />
      ) : null}
      {state.status !== 'loading' && staffList.length === 0 ? <Empty description={t('signIn.noStaff')} /> : null}
      <Form layout="vertical" onFinish={() => void submit()}>
        <FieldFrame
          id="sign-in-staff"
          label={<span id="sign-in-staff-label">{t('signIn.staff')}</span>}
          error={staffError}
          help={t('signIn.pickStaff')}
          required
        >
          <Radio.Group
            {...describedBy('sign-in-staff', staffError, t('signIn.pickStaff'))}
            aria-labelledby="sign-in-staff-label"
            value={staffId}
            onChange={(event) => {
              setChosen(typeof event.target.value === 'string' ? event.target.value : null);
              setStaffError(undefined);
            }}
            options={staffList.map((member) => ({ value: member.id, label: member.name }))}
            style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
          />
        </FieldFrame>
        <FieldFrame id="sign-in-pin" label={t('signIn.pin')} error={pinError} required>
          <Input.Password
            {...describedBy('sign-in-pin', pinError, undefined)}
            ref={pinRef}
            value={pin}
            onChange={(event) => {
              setPin(event.target.value);
              setPinError(undefined);
            }}
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            visibilityToggle={false}
          />
        </FieldFrame>
        <Button type="primary" htmlType="submit" block loading={signIn.pending}>
          {t('signIn.submit')}
        </Button>
      </Form>
    </Screen>
  );
}
