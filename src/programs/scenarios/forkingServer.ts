import * as S from '../script/dsl';
import type { Scenario } from './types';

const PATH = '/tmp/fork.sock';

/** One process per connection: accept, fork, and each side closes the descriptor it does not need. */
export const forkingServer: Scenario = {
  id: 'forking-server',
  title: 'A forking server',
  summary:
    'The server accepts a connection and forks. The parent closes the connection fd, the child the listening fd; the connection lives until its last fd closes.',
  processes: [
    {
      name: 'server',
      lines: [
        S.socket('s'),
        S.bind('s', PATH),
        S.listen('s', 5),
        S.label('loop', 'for (i = 0; i < 2; i++) {'),
        S.accept('s', 'c'),
        S.fork('pid'),
        S.ifChild('pid', 'child'),
        S.close('c'),
        {
          code: '}',
          jump: {
            when: (v) => {
              v.n.i = (v.n.i ?? 0) + 1;
              return v.n.i < 2;
            },
            to: 'loop',
          },
        },
        S.waitpid('pid'),
        S.close('s'),
        S.unlink(PATH),
        S.exit(0),
        S.label('child', '/* child */'),
        S.close('s'),
        S.read('c', 'buf', 64, 'n'),
        S.writeBack('c', 'buf', 'n'),
        S.close('c'),
        S.exit(0),
      ],
    },
    {
      name: 'client A',
      lines: [
        S.socket('fd'),
        S.connect('fd', PATH),
        S.write('fd', 'from A'),
        S.read('fd', 'buf', 64, 'n'),
        S.close('fd'),
        S.exit(0),
      ],
    },
    {
      name: 'client B',
      lines: [
        S.socket('fd'),
        S.connect('fd', PATH),
        S.write('fd', 'from B'),
        S.read('fd', 'buf', 64, 'n'),
        S.close('fd'),
        S.exit(0),
      ],
    },
  ],
};
