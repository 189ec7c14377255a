/**
 * 服务禁语: what a clerk must never say, each with what to say instead, and the five voices
 * (五声服务) — from the standard (seeds 000–003). Data, like the flows: the clerk's card shows it in
 * the screen's language; a later configuration event can add a store's own pairs.
 */
import { z } from '../zod';
import { LocalizedTextSchema } from '../locale';

export const PhrasePairSchema = z.object({
  never: LocalizedTextSchema,
  instead: LocalizedTextSchema,
});
export type PhrasePair = z.infer<typeof PhrasePairSchema>;

export const FORBIDDEN_PHRASES: readonly PhrasePair[] = z.array(PhrasePairSchema).parse([
  {
    never: { 'zh-CN': '不知道。', 'zh-TW': '不知道。', en: 'I don’t know.' },
    instead: {
      'zh-CN': '我先帮您咨询一下。',
      'zh-TW': '我先幫您諮詢一下。',
      en: 'Let me find out for you.',
    },
  },
  {
    never: {
      'zh-CN': '我不管，问别人去。',
      'zh-TW': '我不管，問別人去。',
      en: 'Not my job, ask someone else.',
    },
    instead: {
      'zh-CN': '这件事由我来帮您联系负责的同事，请您稍等。',
      'zh-TW': '這件事由我來幫您聯繫負責的同事，請您稍等。',
      en: 'I will get the colleague who handles this for you; one moment, please.',
    },
  },
  {
    never: { 'zh-CN': '你去投诉好了。', 'zh-TW': '你去投訴好了。', en: 'Go and complain, then.' },
    instead: {
      'zh-CN': '非常抱歉，您的意见我记下了，我们一定给您一个答复。',
      'zh-TW': '非常抱歉，您的意見我記下了，我們一定給您一個答覆。',
      en: 'I am sorry. I have written down what you said, and we will give you an answer.',
    },
  },
  {
    never: {
      'zh-CN': '刚才不是跟您说了嘛！',
      'zh-TW': '剛才不是跟您說了嘛！',
      en: 'I already told you!',
    },
    instead: {
      'zh-CN': '可能我刚才没说清楚，我再给您说明一下。',
      'zh-TW': '可能我剛才沒說清楚，我再給您說明一下。',
      en: 'Perhaps I was not clear; let me explain it again.',
    },
  },
  {
    never: { 'zh-CN': '不行就是不行！', 'zh-TW': '不行就是不行！', en: 'No means no!' },
    instead: {
      'zh-CN': '很抱歉，根据规定这项暂时不能办理，我看看还有什么办法可以帮您。',
      'zh-TW': '很抱歉，根據規定這項暫時不能辦理，我看看還有什麼辦法可以幫您。',
      en: 'I am sorry, the rules do not allow this; let me see what else I can do for you.',
    },
  },
  {
    never: {
      'zh-CN': '这跟我们没关系！',
      'zh-TW': '這跟我們沒關係！',
      en: 'That has nothing to do with us!',
    },
    instead: {
      'zh-CN': '我理解您的难处，我帮您看看可以怎么解决。',
      'zh-TW': '我理解您的難處，我幫您看看可以怎麼解決。',
      en: 'I understand the trouble it causes you; let me see how we can solve it.',
    },
  },
  {
    never: {
      'zh-CN': '有意见找领导去！',
      'zh-TW': '有意見找領導去！',
      en: 'Take it up with my boss!',
    },
    instead: {
      'zh-CN': '谢谢您的意见，我马上请值班经理来为您处理。',
      'zh-TW': '謝謝您的意見，我馬上請值班經理來為您處理。',
      en: 'Thank you for telling me; I will ask the manager on duty to help you now.',
    },
  },
  {
    never: {
      'zh-CN': '墙上贴着呢，自己看。',
      'zh-TW': '牆上貼著呢，自己看。',
      en: 'It’s on the wall, read it yourself.',
    },
    instead: {
      'zh-CN': '我来给您介绍一下。',
      'zh-TW': '我來給您介紹一下。',
      en: 'Let me explain it to you.',
    },
  },
]);

/** 五声服务: 来有迎声、问有答声、帮有谢声、怨有歉声、走有送声. */
export const FIVE_VOICES: readonly {
  name: z.infer<typeof LocalizedTextSchema>;
  example: z.infer<typeof LocalizedTextSchema>;
}[] = [
  {
    name: { 'zh-CN': '来有迎声', 'zh-TW': '來有迎聲', en: 'A greeting for every arrival' },
    example: { 'zh-CN': '您好！', 'zh-TW': '您好！', en: 'Hello!' },
  },
  {
    name: { 'zh-CN': '问有答声', 'zh-TW': '問有答聲', en: 'An answer for every question' },
    example: {
      'zh-CN': '我来为您解答。',
      'zh-TW': '我來為您解答。',
      en: 'Let me answer that for you.',
    },
  },
  {
    name: { 'zh-CN': '帮有谢声', 'zh-TW': '幫有謝聲', en: 'Thanks for every help' },
    example: {
      'zh-CN': '谢谢您的配合。',
      'zh-TW': '謝謝您的配合。',
      en: 'Thank you for your help.',
    },
  },
  {
    name: { 'zh-CN': '怨有歉声', 'zh-TW': '怨有歉聲', en: 'An apology for every complaint' },
    example: {
      'zh-CN': '非常抱歉，给您添麻烦了。',
      'zh-TW': '非常抱歉，給您添麻煩了。',
      en: 'I am very sorry for the trouble.',
    },
  },
  {
    name: { 'zh-CN': '走有送声', 'zh-TW': '走有送聲', en: 'A farewell for every departure' },
    example: { 'zh-CN': '您慢走！', 'zh-TW': '您慢走！', en: 'Goodbye, take care!' },
  },
];
