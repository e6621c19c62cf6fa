/** A message about something that could not be done as asked (an unknown scenario in a link...). */
import { useApp } from '../store';

export function Notice() {
  const notice = useApp((s) => s.notice);
  const setNotice = useApp((s) => s.setNotice);
  return (
    <div role="status" className={notice ? 'notice' : 'notice-empty'}>
      {notice && (
        <>
          <span>{notice}</span>{' '}
          <button type="button" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
