import * as S from '../script/dsl';
import type { Scenario } from './types';

const PATH = '/tmp/busy.sock';

const client = (name: string) => ({
  name,
  lines: [S.socket('fd'), S.connect('fd', PATH), S.close('fd'), S.exit(0)],
});

/** listen(s, 1) admits two pending connections; the third client's connect waits for accept. */
export const backlogFull: Scenario = {
  id: 'backlog-full',
  title: 'A full listen backlog',
  summary:
    'listen(s, 1) lets 2 connections wait (the backlog plus one). A third connect() sleeps until the server accepts one and frees a slot.',
  processes: [
    {
      name: 'server',
      lines: [
        S.socket('s'),
        S.bind('s', PATH),
        S.listen('s', 1),
        { code: 'sleep(1);', call: () => ({ name: 'nanosleep', ms: 1000 }) },
        S.accept('s', 'c1'),
        S.accept('s', 'c2'),
        S.accept('s', 'c3'),
        S.close('s'),
        S.unlink(PATH),
        S.exit(0),
      ],
    },
    client('client 1'),
    client('client 2'),
    client('client 3'),
  ],
};
