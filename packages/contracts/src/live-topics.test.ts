import { describe, expect, it } from 'vitest';
import { opdTopic, publicTopic, regencyTopic, scopeTopic, topicName } from './live.ts';

describe('live topic names', () => {
  it('names an OPD, a kabupaten/kota and their public variants as the protocol accepts them', () => {
    for (const topic of [
      opdTopic('kalsel.dishub'),
      regencyTopic('63.71'),
      publicTopic(opdTopic('kalsel.dishub')),
      publicTopic('province'),
    ])
      expect(topicName.safeParse(topic).success, topic).toBe(true);
    expect(opdTopic('kalsel.dishub')).toBe('opd:kalsel.dishub');
    expect(publicTopic(regencyTopic('63.71'))).toBe('public:regency:63.71');
  });

  it('takes the OPD before the kabupaten/kota, and the province when a scope names neither', () => {
    expect(scopeTopic({ opdId: 'kalsel.dishub', regencyCode: '63.71' })).toBe('opd:kalsel.dishub');
    expect(scopeTopic({ regencyCode: '63.71' })).toBe('regency:63.71');
    expect(scopeTopic({ opdId: null, regencyCode: null })).toBe('province');
    expect(scopeTopic({})).toBe('province');
  });

  it('still refuses a topic with an ill-formed OPD id or regency code', () => {
    expect(topicName.safeParse('opd:Kalsel Dishub').success).toBe(false);
    expect(topicName.safeParse('regency:6371').success).toBe(false);
  });
});
