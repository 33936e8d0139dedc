// How the hall display announces a call: by voice where this machine has a Chinese voice
// (speechSynthesis, zh-CN), else by a chime (WebAudio) — the screen flashes either way it has no
// voice. Browsers hold sound back until someone touches the page; the mode says so, and the
// display asks for one tap. The platform objects are passed in, so tests give fakes.

export type AnnounceMode =
  /** A Chinese voice reads each call. */
  | { kind: 'voice'; voiceName: string }
  /** No Chinese voice: a chime and a flash. */
  | { kind: 'chime' }
  /** Sound is held back by the browser until a tap; meanwhile the screen flashes. */
  | { kind: 'needsTap'; voice: boolean };

export interface VoiceLike {
  name: string;
  lang: string;
}

export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: VoiceLike | null;
  onerror: ((e: { error: string }) => void) | null;
}

export interface SpeechLike {
  getVoices(): VoiceLike[];
  speak(u: UtteranceLike): void;
  addEventListener(type: 'voiceschanged', fn: () => void): void;
  removeEventListener(type: 'voiceschanged', fn: () => void): void;
}

export interface AudioLike {
  readonly state: string;
  readonly currentTime: number;
  readonly destination: unknown;
  resume(): Promise<void>;
  createOscillator(): {
    type: string;
    frequency: { value: number };
    connect(n: unknown): unknown;
    start(at: number): void;
    stop(at: number): void;
  };
  createGain(): {
    gain: {
      setValueAtTime(v: number, t: number): void;
      exponentialRampToValueAtTime(v: number, t: number): void;
    };
    connect(n: unknown): unknown;
  };
}

export interface AnnouncerDeps {
  speech: SpeechLike | null;
  makeUtterance: ((text: string) => UtteranceLike) | null;
  /** A WebAudio context, made lazily (null: none in this browser). */
  audio: () => AudioLike | null;
  onMode: (mode: AnnounceMode) => void;
}

/** The best Chinese voice: zh-CN first, then any zh voice (zh-TW, zh-HK read the digits too). */
export function chineseVoice(voices: readonly VoiceLike[]): VoiceLike | null {
  const norm = (l: string) => l.replace('_', '-').toLowerCase();
  return (
    voices.find((v) => norm(v.lang) === 'zh-cn') ??
    voices.find((v) => norm(v.lang).startsWith('zh')) ??
    null
  );
}

export interface Announcer {
  mode(): AnnounceMode;
  /** Announce one call: the sentence to speak (in Chinese). */
  announce(sentence: string): void;
  /** A tap on the screen: lets the browser play sound from now on. */
  unlock(): Promise<void>;
  dispose(): void;
}

export function createAnnouncer(deps: AnnouncerDeps): Announcer {
  let voice: VoiceLike | null = null;
  let blocked = false;
  let ctx: AudioLike | null | undefined;
  let current: AnnounceMode = { kind: 'chime' };

  const audio = () => {
    if (ctx === undefined) ctx = deps.audio();
    return ctx;
  };

  const compute = (): AnnounceMode => {
    if (voice)
      return blocked ? { kind: 'needsTap', voice: true } : { kind: 'voice', voiceName: voice.name };
    const a = audio();
    if (a && a.state === 'suspended') return { kind: 'needsTap', voice: false };
    return { kind: 'chime' };
  };

  const update = () => {
    const next = compute();
    if (JSON.stringify(next) !== JSON.stringify(current)) {
      current = next;
      deps.onMode(next);
    }
  };

  const onVoices = () => {
    voice = deps.speech ? chineseVoice(deps.speech.getVoices()) : null;
    update();
  };
  deps.speech?.addEventListener('voiceschanged', onVoices);
  voice = deps.speech ? chineseVoice(deps.speech.getVoices()) : null;
  current = compute();
  deps.onMode(current);

  function chime() {
    const a = audio();
    if (!a || a.state !== 'running') return;
    // 叮咚: two soft tones, the usual hall chime.
    const t0 = a.currentTime;
    [
      [659.25, 0],
      [523.25, 0.45],
    ].forEach(([freq, offset]) => {
      const osc = a.createOscillator();
      const gain = a.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq!;
      gain.gain.setValueAtTime(0.0001, t0 + offset!);
      gain.gain.exponentialRampToValueAtTime(0.4, t0 + offset! + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + offset! + 0.9);
      osc.connect(gain);
      gain.connect(a.destination);
      osc.start(t0 + offset!);
      osc.stop(t0 + offset! + 1);
    });
  }

  return {
    mode: () => current,
    announce(sentence) {
      if (voice && deps.speech && deps.makeUtterance) {
        const u = deps.makeUtterance(sentence);
        u.lang = 'zh-CN';
        u.voice = voice;
        u.rate = 0.9;
        u.onerror = (e) => {
          // Chromium refuses speech before the page was touched ('not-allowed').
          if (e.error === 'not-allowed') {
            blocked = true;
            update();
          }
        };
        deps.speech.speak(u);
        return;
      }
      chime();
    },
    async unlock() {
      blocked = false;
      const a = audio();
      if (a && a.state === 'suspended') await a.resume().catch(() => undefined);
      update();
    },
    dispose() {
      deps.speech?.removeEventListener('voiceschanged', onVoices);
    },
  };
}

/** The announcer on this browser's own speech and audio. */
export function browserAnnouncer(onMode: (mode: AnnounceMode) => void): Announcer {
  const w = window as Window & { webkitAudioContext?: typeof AudioContext };
  const speech =
    'speechSynthesis' in window ? (window.speechSynthesis as unknown as SpeechLike) : null;
  const Ctor = window.AudioContext ?? w.webkitAudioContext;
  return createAnnouncer({
    speech,
    makeUtterance:
      typeof SpeechSynthesisUtterance === 'function'
        ? (text) => new SpeechSynthesisUtterance(text) as unknown as UtteranceLike
        : null,
    audio: () => {
      if (!Ctor) return null;
      try {
        return new Ctor() as unknown as AudioLike;
      } catch {
        return null;
      }
    },
    onMode,
  });
}
