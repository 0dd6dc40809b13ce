import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('assembles events split across chunks and skips heartbeats', () => {
    const parser = new SseParser();
    expect(parser.push(': ping\n\nevent: unread-count\nda')).toEqual([]);
    expect(parser.push('ta: {"count":3}\n\nevent: notification\r\ndata: {"id":"n1"}\r\n\r\n')).toEqual([
      { event: 'unread-count', data: '{"count":3}' },
      { event: 'notification', data: '{"id":"n1"}' },
    ]);
  });

  it('joins multi-line data and defaults the event name', () => {
    expect(new SseParser().push('data: a\ndata: b\n\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});
