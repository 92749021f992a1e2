# La comprobación de seguridad: pasos, página de parada y resultado (español).

check-progress = Paso { $current } de { $total }
check-all-required = Todas las preguntas necesitan una respuesta salvo que digan «opcional».
check-optional = (opcional)
check-continue = Continuar
check-back = Atrás
check-see-result = Ver mi resultado
check-new-question = Pregunta nueva:
check-added = Gracias. Según su respuesta, hemos añadido una pregunta más abajo.
check-review = Hemos borrado las respuestas que llevaron a la página de emergencia. Responda de nuevo a esas preguntas más abajo; sus otras respuestas se conservan.
check-emergency-hint = Si se encuentra muy mal ahora mismo, no rellene esto: llame al 911 (o al número de emergencias local).
check-private = Sus respuestas se guardan solo en este navegador, selladas para que nadie pueda leerlas, durante 3 horas después de su último paso (o hasta que elija «Olvidar mis respuestas»). No se guardan en nuestro servidor.
check-duration-value = { $weeks } semanas
check-error-title-prefix = Error:
check-error-summary = Hay un problema
check-error-prefix = Error:
check-error-choose = Elija una respuesta.
check-error-scale = Elija un número del 0 al 10.
check-error-number = Escriba un número entero del { $min } al { $max }.
check-error-number-missing = Escriba su respuesta como un número entero del { $min } al { $max }.
check-error-duration-missing = Escriba cuánto tiempo, por ejemplo «3 días», «2 semanas» o «6 meses».
check-error-duration-number = Empiece por un número, por ejemplo «3 días», «2 semanas» o «6 meses».
check-error-duration-unit = Después del número, escriba días, semanas, meses o años.
check-error-duration-range = Escriba un tiempo entre 0 días y 100 años.

## Página de parada

stop-title = Busque ayuda de emergencia ahora
stop-heading = Pare: busque ayuda de emergencia ahora
stop-call = Llame ahora al 911 (o al número de emergencias local), o vaya a un servicio de urgencias.
stop-no-drive = No conduzca usted. Pida a alguien que le lleve o espere a la ambulancia.
stop-no-massage = No se dé un masaje.
stop-outside-us = Fuera de Estados Unidos, llame al número de emergencias local (por ejemplo, el 112 en Europa).
stop-why-heading = Por qué se lo decimos
stop-nothing-more = No necesita responder más preguntas.
stop-call-button = Llamar al 911
stop-mistake-heading = ¿Eligió una respuesta por error?
stop-mistake-body = Si no tiene estos síntomas y eligió una respuesta por error, vuelva y responda de nuevo a la pregunta. Sus otras respuestas se conservan. Si no está seguro, llame al 911.
stop-mistake-button = Respondí esto por error
finding-action-label = Qué hacer:

## Resultado

result-title = Su resultado
result-heading = Su resultado
result-level-label = Resultado:
result-findings-heading = Lo que encontramos
result-no-findings = Nada en sus respuestas indica que el masaje no sea seguro para usted ahora.
result-precautions-heading = Precauciones para su masaje
result-precautions-intro = Enséñeselas a su masajista antes de empezar.
result-for-therapist = Para su masajista:
result-styles-heading = Tipo de masaje sugerido
result-notes-heading = Conviene saber
result-figures-heading = Su dolor en cifras
result-pain-now = Dolor ahora mismo
result-pain-now-value = { $now } de 10 ({ $severity })
result-peg = Puntuación PEG (última semana)
result-peg-value = { $peg } de 10: la media de su dolor y de cuánto le ha impedido disfrutar de la vida y hacer sus actividades diarias.
result-duration = Cuánto dura este episodio
result-can-heading = Lo que el masaje puede y no puede hacer por usted
result-more-evidence = Más sobre la evidencia
result-safety-heading = Cuándo parar y buscar ayuda
result-next-heading = Siguiente paso
result-next-find = Busque un masajista con licencia, enséñele las precauciones de arriba y manténgase activo: el masaje funciona mejor junto con el ejercicio. Si su dolor no ha mejorado unos 2 puntos de 10 tras 4 a 6 sesiones, consulte a un profesional sanitario.
result-find-therapist = Buscar un masajista para mí
result-prepare-visit = Prepare su visita
result-find-private = Sus respuestas le acompañan a estas páginas selladas en este navegador, nunca en una dirección web, y no se guardan en nuestro servidor.
result-see-clinician = Consulte primero a un profesional sanitario
result-next-emergency = Llame ahora al 911 (o al número de emergencias local). No conduzca usted.
result-next-urgent-medical = Pida consejo médico hoy: llame a su consulta médica, a un centro de atención urgente o a una línea de enfermería, y cuénteles lo que nos ha dicho. No reserve un masaje hasta que le haya visto un profesional sanitario. Si empeora rápidamente, llame al 911.
result-next-see-provider-first = Pida cita con su médico, fisioterapeuta u otro profesional sanitario y enséñele esta página. Cuando le hayan visto, el masaje puede ayudar como parte de su plan.
result-print-hint = Para guardar este resultado, imprímalo o guárdelo como PDF con la opción de imprimir de su navegador.
result-change-answers = Cambiar mis respuestas
result-ruleset = Reglas { $version }.

verdict-emergency-heading = Llame al 911 ahora
verdict-emergency-action = Algunas de sus respuestas pueden ser señales de una emergencia. Llame ahora al 911 (o al número de emergencias local) o vaya a urgencias. No se dé un masaje.
verdict-urgent-medical-heading = Vea hoy a un médico, no a un masajista
verdict-urgent-medical-action = Algunas de sus respuestas necesitan que un médico le vea hoy. No reserve todavía un masaje.
verdict-see-provider-first-heading = Consulte a un profesional sanitario antes de darse un masaje
verdict-see-provider-first-action = Algunas de sus respuestas necesitan primero la revisión de un profesional sanitario. El masaje puede ayudar más adelante, cuando le hayan visto.
verdict-massage-with-precautions-heading = El masaje puede ser seguro para usted, con precauciones
verdict-massage-with-precautions-action = El masaje es una opción razonable ahora si su masajista sigue las precauciones de abajo.
verdict-massage-suitable-heading = El masaje es una opción razonable para usted
verdict-massage-suitable-action = Nada en sus respuestas indica que el masaje no sea seguro para usted ahora.

level-emergency = Emergencia
level-urgent-medical = Urgente: vea a un médico hoy
level-see-provider-first = Consulte primero a un profesional sanitario
level-massage-with-precautions = Masaje con precauciones
level-massage-suitable = Masaje adecuado
level-note = Conviene saber

style-prenatal = Masaje prenatal (embarazo)
style-swedish = Masaje sueco (relajante)
style-deep-tissue = Masaje de tejido profundo

severity-mild = leve
severity-moderate = moderado
severity-severe = intenso

duration-acute = Agudo: menos de 4 semanas
duration-subacute = Subagudo: de 4 a 12 semanas
duration-chronic = Crónico: más de 12 semanas

## Formulario de opinión (en la página de resultado)

feedback-heading = ¿Le ha sido útil?
feedback-question = ¿Le ha sido útil esta página?
feedback-comment = ¿Hay algo que quiera contarnos?
feedback-comment-hint = No incluya su nombre ni datos sobre su salud.
feedback-send = Enviar opinión
check-expired = No pudimos usar sus respuestas anteriores: se guardan 3 horas como máximo y solo en el navegador donde empezó. Empiece de nuevo, por favor.
check-checklist-legend = ¿Le pasa alguna de estas cosas?
check-checklist-hint = Lea cada una. Si no le pasa ninguna, elija «Ninguna de estas» más abajo; si no, responda a cada una.
check-none-button = No me pasa ninguna de estas — continuar
check-none-checkbox = No me pasa ninguna de estas
check-error-none-conflict = Eligió «Ninguna de estas», pero respondió otra cosa aquí. Cambie esta respuesta, o quite la marca de «Ninguna de estas» y responda a cada pregunta.
check-forget = Olvidar mis respuestas
result-draft-kept = Sus respuestas quedan selladas en este navegador durante 3 horas después de su último paso, para que Atrás y Recargar funcionen; «Olvidar mis respuestas» las borra ahora.
