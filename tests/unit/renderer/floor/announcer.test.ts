import { describe, expect, it } from 'vitest';
import {
  chineseVoice,
  createAnnouncer,
  type AnnounceMode,
  type AudioLike,
  type SpeechLike,
  type UtteranceLike,
  type VoiceLike,
} from '../../../../renderer/src/features/floor/announcer';

function fakeSpeech(voices: VoiceLike[]) {
  const spoken: UtteranceLike[] = [];
  const listeners = new Set<() => void>();
  const speech: SpeechLike & { voices: VoiceLike[] } = {
    voices,
    getVoices: () => speech.voices,
    speak: (u) => spoken.push(u),
    addEventListener: (_t, fn) => listeners.add(fn),
    removeEventListener: (_t, fn) => listeners.delete(fn),
  };
  const makeUtterance = (text: string): UtteranceLike => ({
    text,
    lang: '',
    rate: 1,
    voice: null,
    onerror: null,
  });
  return { speech, spoken, makeUtterance, fire: () => listeners.forEach((f) => f()) };
}

function fakeAudio(state: 'running' | 'suspended') {
  const tones: number[] = [];
  const a = {
    state,
    currentTime: 0,
    destination: {},
    resume: async () => {
      a.state = 'running';
    },
    createOscillator: () => ({
      type: '',
      frequency: { value: 0 },
      connect: () => undefined,
      start() {
        tones.push(this.frequency.value);
      },
      stop: () => undefined,
    }),
    createGain: () => ({
      gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
      connect: () => undefined,
    }),
  };
  return { audio: a as AudioLike & { state: string }, tones };
}

describe('the call announcer', () => {
  it('prefers a zh-CN voice, then any Chinese one, else none', () => {
    const en = { name: 'Samantha', lang: 'en-US' };
    const tw = { name: 'Mei-Jia', lang: 'zh-TW' };
    const cn = { name: 'Tingting', lang: 'zh_CN' };
    expect(chineseVoice([en, tw, cn])).toBe(cn);
    expect(chineseVoice([en, tw])).toBe(tw);
    expect(chineseVoice([en])).toBeNull();
  });

  it('reads the call in Chinese where a Chinese voice exists', () => {
    const s = fakeSpeech([{ name: 'Tingting', lang: 'zh-CN' }]);
    const modes: AnnounceMode[] = [];
    const a = createAnnouncer({ ...s, audio: () => null, onMode: (m) => modes.push(m) });
    a.announce('请 A023 号到 2 号窗口办理');
    expect(s.spoken.map((u) => [u.text, u.lang, u.voice?.name])).toEqual([
      ['请 A023 号到 2 号窗口办理', 'zh-CN', 'Tingting'],
    ]);
    expect(modes).toEqual([{ kind: 'voice', voiceName: 'Tingting' }]);
  });

  it('chimes where no Chinese voice exists, and switches to the voice once one loads', () => {
    const s = fakeSpeech([{ name: 'Samantha', lang: 'en-US' }]);
    const { audio, tones } = fakeAudio('running');
    const modes: AnnounceMode[] = [];
    const a = createAnnouncer({ ...s, audio: () => audio, onMode: (m) => modes.push(m) });
    a.announce('请 A023 号到 2 号窗口办理');
    expect(s.spoken).toEqual([]);
    expect(tones).toEqual([659.25, 523.25]);
    s.speech.voices = [{ name: 'Huihui', lang: 'zh-CN' }];
    s.fire();
    expect(modes).toEqual([{ kind: 'chime' }, { kind: 'voice', voiceName: 'Huihui' }]);
  });

  it('asks for a tap while the browser holds sound back, and plays after it', async () => {
    const { audio, tones } = fakeAudio('suspended');
    const modes: AnnounceMode[] = [];
    const a = createAnnouncer({
      speech: null,
      makeUtterance: null,
      audio: () => audio,
      onMode: (m) => modes.push(m),
    });
    a.announce('x');
    expect(tones).toEqual([]);
    await a.unlock();
    a.announce('x');
    expect(tones).toEqual([659.25, 523.25]);
    expect(modes).toEqual([{ kind: 'needsTap', voice: false }, { kind: 'chime' }]);
  });

  it('a refused utterance (not-allowed) asks for a tap too', async () => {
    const s = fakeSpeech([{ name: 'Tingting', lang: 'zh-CN' }]);
    const modes: AnnounceMode[] = [];
    const a = createAnnouncer({ ...s, audio: () => null, onMode: (m) => modes.push(m) });
    a.announce('x');
    s.spoken[0]!.onerror!({ error: 'not-allowed' });
    await a.unlock();
    expect(modes).toEqual([
      { kind: 'voice', voiceName: 'Tingting' },
      { kind: 'needsTap', voice: true },
      { kind: 'voice', voiceName: 'Tingting' },
    ]);
  });
});
