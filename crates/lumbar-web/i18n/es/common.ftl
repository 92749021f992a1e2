# Marco del sitio, páginas informativas y páginas de error (español).

site-description = Una comprobación de seguridad sobre el masaje y el dolor lumbar, con consejos honestos y citados.
skip-to-content = Saltar al contenido principal
nav-label = Principal
nav-check = Comprobación de seguridad
nav-evidence = Evidencia
nav-about = Acerca de
nav-privacy = Privacidad
nav-disclaimer = Aviso legal
nav-api = API para desarrolladores
nav-my-back = Mi espalda
nav-account = Mi cuenta
footer-nav-label = Más sobre lumbar
footer-disclaimer = lumbar ofrece información, no un diagnóstico. En una emergencia llame al 911 (o al número de emergencias local).
footer-translation-review = Traducción pendiente de revisión clínica: los textos clínicos de esta página se tradujeron del inglés y todavía no los ha revisado un profesional de la salud.
lang-switch-label = Idioma:
sources-label = Fuentes

answer-yes = Sí
answer-no = No

## Inicio

home-title = ¿Puede el masaje ayudar a mi espalda?
home-heading = ¿Puede el masaje ayudar a mi espalda, y es seguro para mí ahora?
home-lead = Responda unas preguntas sobre su dolor en la parte baja de la espalda. lumbar le dice si el masaje es seguro para usted ahora, qué decirle al masajista y qué puede y qué no puede hacer el masaje, con cada motivo explicado y respaldado por una guía médica.
home-point-safety = Busca señales de alarma que necesitan primero a un médico.
home-point-honest = Dice con honestidad lo que el masaje puede y no puede hacer por el dolor de espalda.
home-point-style = Sugiere un tipo de masaje y precauciones para su masajista.
home-point-private = 5 páginas cortas: unos 20 toques si no tiene nada fuera de lo común que contar. Sus respuestas no se guardan en nuestro servidor.
home-start = Empezar la comprobación
home-emergency-label = ¿Emergencia?
home-emergency = Si tiene de repente adormecimiento alrededor de los genitales o las nalgas, no puede controlar la vejiga o el intestino, tiene debilidad nueva en ambas piernas o dolor en el pecho, llame ahora al 911 (o al número de emergencias local).
home-disclaimer = Esto es información, no un diagnóstico, y no sustituye a un médico.
home-disclaimer-link = Lea el aviso legal.
home-more-heading = Más información
home-link-evidence = Lo que dice la evidencia sobre el masaje para el dolor de espalda
home-link-find = Buscar un masajista con licencia cerca de usted
home-link-about = Acerca de lumbar y de cómo funciona la comprobación
home-link-privacy = Privacidad: qué guardamos (nada de la comprobación)

## Evidencia

evidence-title = Evidencia: masaje para el dolor lumbar
evidence-heading = Lo que dice la evidencia sobre el masaje para el dolor lumbar
evidence-lead = Cada afirmación va acompañada de sus fuentes. La investigación sobre el masaje para el dolor de espalda son sobre todo estudios pequeños y a corto plazo, así que la respuesta honesta suele ser «depende».
evidence-toc-label = En esta página

## Acerca de

about-title = Acerca de lumbar
about-heading = Acerca de lumbar
about-lead = lumbar ayuda a una persona con dolor lumbar a responder dos preguntas con seguridad: ¿puede ayudarme el masaje? y ¿es seguro para mí ahora?
about-how-heading = Cómo funciona la comprobación
about-how = Primero van las preguntas sobre señales de alarma que necesitan atención de urgencia; si aparece una, la comprobación se detiene y le dice qué hacer. Las demás respuestas se comparan con un conjunto de reglas clínicas. Cada regla dice qué encontró, por qué importa, qué hacer y en qué guía o estudio se basa. Ante la duda, la respuesta le remite a un profesional sanitario.
about-ruleset = Versión de las reglas: { $version }.
about-limits-heading = Lo que lumbar no puede hacer
about-limits = lumbar no puede examinarle y no conoce todo su historial médico. Ofrece información, no un diagnóstico. Las reglas son un punto de partida escrito a partir de guías publicadas y están pendientes de revisión por profesionales sanitarios.
about-open-heading = Abierto y verificable
about-open = Las reglas son datos que cualquiera puede leer, y la misma comprobación está disponible para otros programas.
about-languages-heading = Idiomas
about-languages = Las páginas y las preguntas están en inglés y en español. Por ahora, las explicaciones médicas del resultado están en inglés.

## Privacidad

privacy-title = Privacidad
privacy-heading = Privacidad
privacy-lead = Sus respuestas sobre su salud son privadas. lumbar está hecho para no tener que guardarlas.
privacy-check-heading = La comprobación de seguridad
privacy-check = Sus respuestas no se guardan en nuestro servidor salvo que usted decida conservarlas. Mientras completa la evaluación, se guardan en una cookie de su navegador, sellada (cifrada y firmada) para que ni usted, ni otros sitios web, ni quien lea nuestros registros pueda leerlas o cambiarlas, y nunca se ponen en direcciones web ni en nuestros registros. La cookie se borra 3 horas después de su último paso, o en el momento en que elija «Olvidar mis respuestas».
privacy-feedback-heading = Opiniones
privacy-feedback = Si responde a «¿Le ha sido útil?», guardamos la página donde estaba, su sí o no, su comentario si escribe uno y la hora. Nunca guardamos con ello sus respuestas a la comprobación. No escriba su nombre ni datos de salud en el comentario.
privacy-cookies-heading = Cookies
privacy-cookies = Usamos cookies pequeñas y ningún rastreo: una recuerda el idioma que eligió, otra protege nuestros formularios contra el uso indebido por otros sitios web, otra guarda sus respuestas a la evaluación selladas en su navegador durante 3 horas (vea arriba) y, solo si inicia sesión, otra mantiene su sesión abierta hasta 14 días (o hasta que la cierre). Un token de API o un enlace para compartir nuevo se le muestra una sola vez mediante una cookie que dura como máximo 10 minutos. Solo nuestro servidor puede leerlas.
privacy-logs-heading = Registros del servidor
privacy-logs = Nuestro servidor registra, por cada petición, el tipo de petición, la dirección de la página sin ninguna consulta, el código de resultado y cuánto tardó. No registra lo que usted envía.
privacy-retention-heading = Cuánto tiempo guardamos las cosas
privacy-retention = Las opiniones se guardan hasta 2 años y después se borran. Los registros del servidor se guardan hasta 30 días.
privacy-rights-heading = Ver o borrar sus datos
privacy-rights = Sin cuenta, la comprobación no guarda nada, así que no hay nada suyo que ver ni borrar de ella. Con una cuenta, «Descargar mis datos» en la página de su cuenta le da en un archivo todo lo que guardamos sobre usted, y «Eliminar mi cuenta» lo borra al momento: sus comprobaciones guardadas, planes, sesiones registradas, notas, enlaces compartidos y opiniones. Para obtener una copia de una opinión que envió, o borrarla, contacte con el operador del servicio indicando la hora en que la envió.
privacy-account-heading = Si conserva sus comprobaciones (una cuenta)
privacy-account = Con una cuenta puede conservar una comprobación, empezar un plan de masajes y registrar sus sesiones y su dolor. Guardamos su correo electrónico, un hash de su contraseña (nunca la contraseña) y lo que usted decidió conservar: sus respuestas y su resultado, sus planes, las sesiones y los seguimientos que registra con su dolor y sus notas, las secciones que comparte con un terapeuta y sus opiniones. Sus respuestas, resultados, registros, notas y resúmenes compartidos se guardan cifrados en nuestra base de datos con una clave guardada aparte, así que una copia de la base de datos por sí sola no los revela. No se guarda nada hasta que usted elige «Conservar esta comprobación» y acepta este texto.
privacy-sharing-heading = Compartir con un terapeuta
privacy-sharing = Un enlace para compartir muestra solo las secciones que eligió, a quien tenga el enlace, hasta que caduque (14 días salvo que elija otra cosa) o usted lo revoque. Usted ve cuándo se abrió. Se pide a los buscadores que no lo indexen y a los navegadores que no guarden una copia.
privacy-version = Esta es la versión { $version } de este texto.

## Aviso legal

disclaimer-title = Aviso legal
disclaimer-heading = Aviso legal
disclaimer-information = lumbar ofrece información general sobre el masaje y el dolor lumbar. No es consejo médico y no sustituye la exploración de un médico, fisioterapeuta u otro profesional sanitario.
disclaimer-not-diagnosis = El resultado de la comprobación no es un diagnóstico. Puede pasar cosas por alto y no puede examinarle. Si está preocupado o su dolor empeora, consulte a un profesional sanitario.
disclaimer-rules = Las reglas de la comprobación provienen de guías y estudios publicados, cada uno citado. Son un punto de partida y están pendientes de revisión por profesionales sanitarios.
disclaimer-therapists = Un masajista no es un médico. Cuéntele a su masajista sobre su salud y detenga la sesión si algo no va bien.

## Errores

error-home = Ir a la página de inicio
error-restart = Empezar de nuevo la comprobación
error-not-found-title = Página no encontrada
error-not-found-body = No hay ninguna página en esta dirección. Compruebe la dirección o empiece desde la página de inicio.
error-csrf-title = Este formulario ha caducado
error-csrf-body = No pudimos comprobar que este formulario venía de lumbar, así que no se envió nada. Puede pasar si la página estuvo abierta mucho tiempo o si las cookies están bloqueadas. Sus respuestas no se guardaron. Empiece de nuevo la comprobación.
error-rate-limited-title = Demasiados intentos
error-rate-limited-body = Hemos recibido demasiados formularios desde su conexión en poco tiempo. Espere un minuto y vuelva a intentarlo.
error-too-large-title = Demasiado texto
error-too-large-body = El formulario que envió era demasiado grande. Acorte lo que escribió y vuelva a intentarlo.
error-bad-form-title = Algo salió mal con el formulario
error-bad-form-body = No pudimos leer el formulario, así que no se usó nada. Sus respuestas no se guardaron. Empiece de nuevo la comprobación.
error-method-title = Esta página no puede hacer eso
error-method-body = Esta dirección no acepta ese tipo de petición. Use los enlaces del sitio.
error-unavailable-title = Vuelva a intentarlo
error-unavailable-body = El servicio está ocupado o no está listo. Vuelva a intentarlo en un momento.
error-internal-title = Algo salió mal
error-internal-body = Algo salió mal por nuestra parte. No se guardó nada. Vuelva a intentarlo.
error-no-store-title = No está disponible en este servidor
error-no-store-body = Este servidor de lumbar funciona sin base de datos, así que el directorio de masajistas y las opiniones no están disponibles aquí. La comprobación de seguridad funciona sin ella.
error-store-title = Vuelva a intentarlo
error-store-body = Nuestra base de datos no respondió. No se guardó nada. Vuelva a intentarlo dentro de un momento.

# states table (about page)

states-heading = Licencias de masaje por estado
states-intro = Cada estado decide si los masajistas necesitan una licencia. Antes de su primera cita, busque la licencia del masajista en el sitio web de la junta del estado: ahí verá si la licencia está vigente y si la junta ha tomado alguna medida.
states-confirmed-count = { $confirmed } de { $total } filas están confirmadas con un documento oficial o primario.
states-unconfirmed-explained = Las filas marcadas «Sin confirmar» se recopilaron de fuentes secundarias y todavía no se han cotejado con un documento oficial. Consulte con la junta antes de fiarse de ellas.
states-scroll-hint = En una pantalla pequeña, desplace la tabla hacia los lados.
states-caption = Cómo regulan a los masajistas cada estado, el Distrito de Columbia y Puerto Rico
states-col-state = Estado
states-col-regulation = Reglas
states-col-board = Junta u organismo
states-col-titles = Títulos
states-col-hours = Formación mínima
states-col-lookup = Buscar una licencia
states-col-roster = ¿Importa lumbar la lista de licencias del estado?
states-reg-licensed = Licencia (o registro) obligatoria
states-reg-unregulated = Sin licencia estatal
states-reg-voluntary = Solo certificación voluntaria
states-hours = { $hours ->
    [0] No se exige
   *[other] { $hours } horas
}
states-hours-unknown = Se desconoce
states-lookup-link = Buscar
states-lookup-hidden = una licencia en { $state }
states-no-lookup = Sin búsqueda estatal
states-no-board = No hay junta estatal. Algunas ciudades dan permisos: pregunte en la ciudad donde trabaja el masajista.
states-imports-yes = Sí
states-imports-published = Todavía no: el estado publica una lista
states-imports-no = No
states-unconfirmed = Sin confirmar
