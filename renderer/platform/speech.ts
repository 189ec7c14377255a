/**
 * Announces a ticket aloud with the platform's offline speech synthesis when it has a voice for the
 * language. Many Linux builds have none; the number is then only shown, which is never blocked on.
 */
export function speak(text: string, lang: string): void {
  const synth = globalThis.speechSynthesis;
  if (!synth) return;
  const voice = synth
    .getVoices()
    .find((candidate) => candidate.lang.replace('_', '-').startsWith(lang.slice(0, 2)));
  if (!voice) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  synth.cancel();
  synth.speak(utterance);
}
