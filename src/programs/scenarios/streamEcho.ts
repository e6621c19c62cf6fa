import * as S from '../script/dsl';
import type { Scenario } from './types';

const PATH = '/tmp/echo.sock';

/** The classic walkthrough: a server echoes what one client writes, until the client closes. */
export const streamEcho: Scenario = {
  id: 'stream-echo',
  title: 'Stream echo: a server and a client',
  summary:
    'A server binds a name, listens and accepts one connection; the client connects, writes, reads the echo and closes. The server then reads 0: end of file.',
  processes: [
    {
      name: 'server',
      lines: [
        S.socket('s'),
        S.bind('s', PATH),
        S.listen('s', 5),
        S.accept('s', 'c'),
        S.label('loop', 'for (;;) {'),
        S.read('c', 'buf', 64, 'n'),
        S.ifDone('n', 'done'),
        S.writeBack('c', 'buf', 'n'),
        S.goto('loop'),
        S.label('done', '}'),
        S.close('c'),
        S.close('s'),
        S.unlink(PATH),
        S.exit(0),
      ],
    },
    {
      name: 'client',
      lines: [
        S.socket('fd'),
        S.connect('fd', PATH),
        S.write('fd', 'hello'),
        S.read('fd', 'buf', 64, 'n'),
        S.close('fd'),
        S.exit(0),
      ],
    },
  ],
};
