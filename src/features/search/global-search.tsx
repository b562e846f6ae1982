import { Combobox, makeStyles, Option, Text } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useAllResources } from '../../queries/all-resources';
import { navigate } from '../../portal/navigation/router';
import { resourceHash } from '../../portal/navigation/routes';

const useStyles = makeStyles({
  box: { width: '100%', maxWidth: '480px', minWidth: 0 },
  listbox: { maxHeight: '60vh' },
});
const maxResults = 10;

/** Searches resources by name; G then / focuses it, as in the portal. */
export function GlobalSearch({ tenant }: { tenant?: string }) {
  const styles = useStyles();
  // Resources load when the admin starts searching, not on every page load (a deep link stays cheap).
  const [used, setUsed] = useState(false);
  const { rows } = useAllResources(used);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const deferred = useDeferredValue(text);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let gPressedAt = 0;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      if (e.key === 'g' || e.key === 'G') gPressedAt = Date.now();
      else if (e.key === '/' && Date.now() - gPressedAt < 1500) {
        e.preventDefault();
        setUsed(true);
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const matches = useMemo(() => {
    const q = deferred.trim().toLowerCase();
    if (!q) return [];
    const out = [];
    for (const r of rows) {
      if (r.name.toLowerCase().includes(q)) out.push(r);
      if (out.length >= maxResults) break;
    }
    return out;
  }, [rows, deferred]);

  return (
    <Combobox
      className={styles.box}
      listbox={{ className: styles.listbox }}
      ref={inputRef}
      freeform
      aria-label="Search resources (G then /)"
      placeholder="Search resources (G+/)"
      expandIcon={<SearchRegular />}
      value={text}
      open={open && text.trim() !== ''}
      onOpenChange={(_, d) => setOpen(d.open)}
      onFocus={() => setUsed(true)}
      onChange={(e) => {
        setText(e.target.value);
        setOpen(true);
      }}
      onOptionSelect={(_, d) => {
        if (!d.optionValue) return;
        setText('');
        setOpen(false);
        void navigate(resourceHash(d.optionValue, 'overview', tenant));
      }}
    >
      {deferred.trim() && matches.length === 0 && (
        <Option disabled value="" text="No results">
          No resources match “{deferred.trim()}”
        </Option>
      )}
      {matches.map((r) => (
        <Option key={r.id} value={r.id} text={r.name}>
          <span>
            {r.name}
            <Text size={200} block>
              {r.typeLabel}
              {r.resourceGroup ? ` · ${r.resourceGroup}` : ''}
            </Text>
          </span>
        </Option>
      ))}
    </Combobox>
  );
}
