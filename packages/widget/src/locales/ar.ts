import type { InterfaceStrings } from '../interface-strings-type';

/** The widget's interface strings in Arabic, fetched only when a card is shown in it. */
const strings: InterfaceStrings = {
  dismiss: 'إغلاق',
  why: 'لماذا أرى هذا؟',
  snooze: 'ليس الآن',
  never: 'لا تعرض نصائح كهذه',
  helpful: 'هل كان هذا مفيدًا؟',
  yes: 'نعم',
  no: 'لا',
  thanks: 'شكرًا لإخبارنا.',
  handoff: 'التحدث إلى شخص',
  preview: 'معاينة',
  newTab: '(يفتح في علامة تبويب جديدة)',
  skip: 'تخطٍّ',
  send: 'إرسال',
  invalidEmail: 'يرجى إدخال بريد إلكتروني مثل name@example.com.',
  chooseOne: 'يرجى اختيار إجابة أو التخطي.',
  remembered: 'ما يحفظه Attune على هذا الجهاز',
  forget: 'انسَ كل هذا',
  forgotten: 'تم النسيان. لم يعد شيء محفوظًا على هذا الجهاز.',
  all: 'لا أريد أي نصائح',
  announce: 'تظهر نصيحة: {title} — اضغط {keys} للانتقال إليها.',
  goTo: 'انتقل إلى النصيحة ({keys})',
  rememberedVisits: 'الزيارات منذ {date}: {count}، بمعرّف عشوائي يتغير كل 30 يومًا.',
  rememberedAnswers: 'إجاباتك عن: {fields}.',
  rememberedViews: 'مشاهدات الصفحات هنا في آخر 30 يومًا (المسارات والأوقات فقط): {count}.',
  rememberedClosed: 'النصائح التي أغلقتها: {count}.',
  rememberedNever: 'أنواع النصائح التي طلبت عدم رؤيتها مجددًا: {count}.',
  rememberedConsent: 'خيارات الخصوصية: القياس {measurement}، المساعدة {help}، التنميط {profiling}.',
  granted: 'مسموح',
  denied: 'مرفوض',
  pending: 'لم يُحدَّد بعد',
};

export default strings;
