import type { InterfaceStrings } from '../interface-strings-type';

/** The widget's interface strings in Spanish, fetched only when a card is shown in it. */
const strings: InterfaceStrings = {
  dismiss: 'Cerrar',
  why: '¿Por qué veo esto?',
  snooze: 'Ahora no',
  never: 'No mostrar consejos como este',
  helpful: '¿Te ha sido útil?',
  yes: 'Sí',
  no: 'No',
  thanks: 'Gracias por decírnoslo.',
  handoff: 'Hablar con una persona',
  preview: 'Vista previa',
  newTab: '(se abre en una pestaña nueva)',
  skip: 'Omitir',
  send: 'Enviar',
  invalidEmail: 'Escribe un correo como nombre@ejemplo.com.',
  chooseOne: 'Elige una respuesta u omite la pregunta.',
  remembered: 'Lo que Attune guarda en este dispositivo',
  forget: 'Olvidarlo todo',
  forgotten: 'Olvidado. Ya no se guarda nada en este dispositivo.',
  all: 'Ningún consejo',
  announce: 'Se muestra un consejo: {title} — pulsa {keys} para ir a él.',
  goTo: 'Ir al consejo ({keys})',
  rememberedVisits: 'Visitas desde el {date}: {count}, con un identificador aleatorio que cambia cada 30 días.',
  rememberedAnswers: 'Tus respuestas a: {fields}.',
  rememberedViews: 'Páginas vistas aquí en los últimos 30 días (solo rutas y horas): {count}.',
  rememberedClosed: 'Consejos que cerraste: {count}.',
  rememberedNever: 'Tipos de consejo que no quieres volver a ver: {count}.',
  rememberedConsent: 'Tus opciones de privacidad: medición {measurement}, ayuda {help}, perfil {profiling}.',
  granted: 'permitida',
  denied: 'rechazada',
  pending: 'sin elegir aún',
};

export default strings;
