# «Mi espalda»: comprobaciones guardadas, planes de masaje, el registro de sesiones y compartir
# el resumen (español).
#
# Los textos clínicos de este archivo (las preguntas de seguridad, qué hacer ante una señal de
# alarma, el significado de una mejoría importante) están traducidos del inglés y pendientes de
# revisión clínica, como los de las reglas (`es_review`): el pie de cada página en español lo dice.

## Guardar una comprobación (página del resultado y su página de error)

journal-save-title = Guardar esta comprobación
journal-save-heading = Guardar esta comprobación en mi cuenta
journal-save-lead = No se guarda nada de la comprobación a menos que usted lo elija. Guárdela en su cuenta para empezar un plan de masajes, anotar sus sesiones y ver si el masaje le ayuda, y para compartir un resumen con su masajista. Necesita una cuenta; si no ha iniciado sesión, se le pedirá que lo haga y volverá aquí.
journal-save-which = La comprobación que se guardará: { $level }.
journal-save-consent-name = Acuerdo para guardar mis respuestas
journal-save-consent = Quiero que lumbar guarde mis respuestas y mi resultado en mi cuenta, como explica el texto de privacidad (versión { $version }).
journal-save-consent-hint = Puede borrar la comprobación, o toda su cuenta, cuando quiera.
journal-save-privacy-link = Leer el texto de privacidad.
journal-save-consent-missing = Marque la casilla para aceptar que lumbar guarde sus respuestas (texto de privacidad, versión { $version }). Sin ella, no se guarda nada.
journal-save-consent-old = El texto de privacidad ha cambiado desde que se cargó esta página. Léalo de nuevo y marque la casilla para aceptar la versión { $version }.
journal-save-button = Guardar esta comprobación
journal-save-back = Volver a mi resultado
journal-saved = Su comprobación se guardó en su cuenta.
journal-deleted = Se borró la comprobación, con sus planes, sus registros y sus enlaces compartidos.
journal-why-no-plan = Su comprobación dijo: { $level }. El masaje no es aconsejable ahora, así que no se puede empezar un plan de masajes con esta comprobación ni hay un resumen para un masajista. Enseñe primero su resultado a un profesional sanitario.
check-retake = Algo ha cambiado desde su última comprobación. Vuelva a hacer la comprobación completa antes de anotar otra sesión o registro; después guarde la nueva comprobación en su cuenta y empiece un plan con ella.

## Mi espalda

myback-title = Mi espalda
myback-heading = Mi espalda
myback-signed-in-as = Sesión iniciada como { $email }.
myback-plans-heading = Mis planes de masaje
myback-plans-none = Todavía no hay ningún plan de masaje. Empiece uno con una comprobación cuyo resultado permita el masaje.
myback-plan-name = Plan empezado el { $date }
myback-plan-ended = Terminado
myback-plan-going = En curso
myback-plan-sessions = { $count ->
    [one] 1 sesión anotada
   *[other] { $count } sesiones anotadas
}
myback-plan-from-check = de la comprobación del { $date }
myback-checks-heading = Mis comprobaciones guardadas
myback-checks-none = Todavía no ha guardado ninguna comprobación.
myback-new-check = Hacer la comprobación de nuevo
myback-check-name = Comprobación del { $date }
myback-open-plan = Abrir el plan de esta comprobación
myback-start-plan = Empezar un plan de masajes
myback-share = Compartir con un masajista
myback-download-fhir = Descargar en formato FHIR (para el sistema de su profesional de salud)
myback-delete = Borrar esta comprobación (con sus planes, registros y enlaces)
myback-private = Solo usted puede ver esta página. Sus respuestas, sus puntuaciones de dolor y sus notas se guardan cifradas.

## Un plan

plan-title = Plan de masajes empezado el { $date }
plan-from-check = Empezado con su comprobación del { $date }.
plan-ended = Este plan ha terminado.
plan-ended-notice = El plan se terminó.
plan-logged = Se guardó su registro.
plan-status-heading = ¿Le ayuda el masaje?
plan-summary = Dolor promedio en la última semana: { $baseline } al empezar, { $current } ahora: un cambio de { $change } en la escala de 0 a 10 ({ $pct } %; por encima de 0 significa menos dolor). { $sessions ->
    [one] 1 sesión anotada.
   *[other] { $sessions } sesiones anotadas.
}
plan-urgent-heading = Deje el plan de masajes y vea a un médico hoy
plan-warning-heading = Qué encontraron sus últimas preguntas de seguridad
plan-stopped = Se ha detenido el plan de masajes. No se dé otro masaje hasta que un médico le diga que es seguro.
plan-log-button = Anotar una sesión o un registro
plan-chart-heading = Su dolor promedio, semana a semana
plan-band = Una mejoría importante desde su valor inicial de { $baseline } significa un dolor promedio de { $top } o menos: al menos 2 puntos y al menos un 30 % más bajo.
plan-band-none = Su dolor era de 2 o menos sobre 10 al empezar, así que la medida de 2 puntos no puede juzgar si el masaje le ayuda.
plan-chart-aria = Gráfico de su dolor promedio en la última semana, de 0 a 10: { $baseline } al empezar el { $start }, { $current } en el último registro del { $latest } ({ $count ->
    [one] 1 registro
   *[other] { $count } registros
}).
plan-chart-band-label = Mejoría importante: { $top } o menos
plan-chart-baseline-label = Inicio: { $baseline }
plan-chart-week = { $week ->
    [0] Inicio
   *[other] Semana { $week }
}
plan-chart-caption = El cuadrado es su inicio, los puntos rellenos son sesiones y los puntos vacíos son registros sin sesión. La franja sombreada es una mejoría importante. La tabla de abajo tiene los mismos números.
plan-bars-heading = Justo antes y justo después de cada sesión
plan-bars-note = El alivio justo después de una sesión suele durar poco, así que estos números se muestran aquí pero no deciden si el masaje le ayuda.
plan-bars-aria = Gráfico de barras de su dolor justo antes y justo después de { $count ->
    [one] 1 sesión
   *[other] sus últimas { $count } sesiones
}; los números están en la tabla de abajo.
plan-bars-session = n.º { $number }
plan-before = Justo antes
plan-after = Justo después
plan-table-caption = Sus puntuaciones de dolor (de 0 a 10), de la más antigua a la más reciente
plan-col-date = Fecha
plan-col-kind = Qué
plan-col-average = Dolor promedio en la última semana
plan-col-before = Dolor justo antes
plan-col-after = Dolor justo después
plan-col-band = Mejoría importante
plan-kind-baseline = Inicio (comprobación de seguridad)
plan-kind-session = Sesión
plan-kind-check-in = Registro sin sesión
plan-entries-heading = Lo que ha anotado
plan-entries-none = Todavía no ha anotado nada.
plan-entry-warning = Las preguntas de seguridad de este registro encontraron una señal de alarma.
plan-entry-carried = (no indicado: se repite su última puntuación)
plan-therapist-gone = Un profesional que ya no está en el directorio
plan-end-heading = Terminar este plan
plan-end-body = Termine el plan cuando deje de darse masajes, o para empezar uno nuevo con una comprobación más reciente. Lo que anotó se conserva.
plan-end-button = Terminar este plan
plan-back = Volver a Mi espalda

## Anotar una sesión o un registro

log-title = Anotar una sesión o un registro
log-heading = Anotar una sesión o un registro
log-lead = Primero, de nuevo las preguntas de seguridad: algunos problemas de espalda necesitan un médico y pueden empezar en cualquier momento. Después, qué pasó.
log-rescreen-heading = Preguntas de seguridad
log-rescreen-lead = Responda a cada pregunta según cómo está ahora. Son las preguntas que buscan señales de alarma.
log-changed-heading = Desde su última comprobación
log-changed = ¿Ha cambiado algo en su salud o en sus medicamentos desde su última comprobación (un diagnóstico nuevo, un medicamento nuevo como un anticoagulante, un embarazo, una operación, una caída)?
log-changed-hint = Si es así, le pediremos que vuelva a hacer la comprobación completa antes de anotar.
log-entry-heading = Qué anotar
log-kind = ¿Qué va a anotar?
log-kind-session = Una sesión de masaje
log-kind-check-in = Un registro sin sesión
log-date = Fecha
log-date-hint = El día de la sesión o del registro (no antes del { $date }, no en el futuro), escrito como AAAA-MM-DD.
log-pain-average = Su dolor promedio en la última semana, de 0 (sin dolor) a 10 (el peor imaginable)
log-pain-average-hint = Este número decide si el masaje le ayuda.
log-session-heading = Sobre la sesión
log-session-hint = Solo para una sesión de masaje; déjelo vacío en un registro sin sesión.
log-therapist = Masajista
log-therapist-hint = Elija a su masajista del directorio, o escriba su nombre.
log-therapist-none = Ningún masajista del directorio
log-near = Busque a su masajista en el directorio: código postal (ZIP) cercano
log-near-hint = Cinco cifras, por ejemplo 98101. Después elija «Buscar en el directorio» y selecciónelo arriba.
log-near-button = Buscar en el directorio
log-near-found = Abajo aparecen los masajistas cerca de ese código postal: elija el suyo.
log-near-missing = Escriba un código postal para buscar cerca.
log-near-invalid = Escriba un código postal (ZIP) de cinco cifras, por ejemplo 98101.
log-near-unknown = No conocemos este código postal. Compruébelo, o escriba el nombre del masajista.
log-therapist-name = O escriba el nombre del masajista
log-style = Tipo de masaje
log-style-swedish = Sueco (relajante)
log-style-deep-tissue = Tejido profundo
log-style-prenatal = Prenatal (embarazo)
log-style-other = Otro tipo
log-pressure = Presión
log-pressure-light = Suave
log-pressure-medium = Media
log-pressure-firm = Firme
log-pain-before = Dolor justo antes de la sesión (de 0 a 10)
log-pain-after = Dolor justo después de la sesión (de 0 a 10)
log-notes = Notas
log-notes-hint = Para usted: qué ayudó y qué no. Como máximo 2000 caracteres.
log-save = Guardar
log-cancel = Cancelar
log-private = Sus respuestas, sus puntuaciones de dolor y sus notas se guardan cifradas y solo usted puede verlas.
log-error-changed = Elija sí o no.
log-error-kind = Elija una sesión de masaje o un registro sin sesión.
log-error-date-missing = Escriba la fecha, por ejemplo 2026-12-03.
log-error-date-format = Escriba una fecha real como AAAA-MM-DD, por ejemplo 2026-12-03.
log-error-date-before = La fecha no puede ser anterior al { $date }, el día de la comprobación con la que empezó este plan.
log-error-date-future = La fecha no puede ser futura.
log-error-score = Escriba un número entero de 0 a 10.
log-error-score-missing = Escriba su dolor promedio en la última semana, un número entero de 0 a 10.
log-error-session-only = Solo para una sesión de masaje: vacíe este campo o elija «Una sesión de masaje».
log-error-therapist-gone = Este profesional ya no está en el directorio. Elija otro o escriba el nombre.
log-error-too-long = Escriba como máximo { $max } caracteres.

## Compartir con un masajista

share-title = Compartir con su masajista
share-heading = Compartir con su masajista
share-which = De su comprobación del { $date }.
share-lead = Elija lo que debe saber su masajista. Después imprímalo en una página, o cree un enlace que pueda abrir sin cuenta.
share-not-advisable = Su comprobación dice que el masaje no es aconsejable ahora, así que no hay un resumen para un masajista. Enseñe primero su resultado a un profesional sanitario.
share-sections-legend = Qué compartir
share-sections-hint = Las precauciones aparecen primero en lo que ve su masajista.
share-section-precautions = Precauciones de mi comprobación de seguridad
share-section-precautions-hint = qué evitar, cómo adaptar, cuándo parar
share-section-areas = Dónde tengo el dolor
share-section-areas-hint = zonas que cuidar, dolor ahora, desde cuándo
share-section-preferences = Presión y tipo que prefiero
share-section-preferences-hint = y dónde una precaución va primero
share-section-history = Problemas de salud y medicamentos que importan
share-section-history-hint = por ejemplo un anticoagulante, osteoporosis, una operación reciente
share-section-goals = Mis objetivos
share-section-goals-hint = y los tipos que sugirió mi comprobación
share-print-heading = Imprimirlo
share-print-body = Abre las secciones elegidas en una página para imprimir o guardar como PDF.
share-print-button = Abrir la página para imprimir
share-link-heading = O crear un enlace
share-link-body = Cualquiera que tenga el enlace puede abrirlo hasta que caduque o usted lo revoque; aquí verá cuándo se abrió. Envíelo solo a su masajista.
share-days-label = El enlace funciona durante estos días
share-days-hint = De 1 a 30 días; 14 si no lo cambia.
share-link-button = Crear un enlace
share-error-sections = Elija al menos una sección para compartir.
share-error-days = Escriba un número entero de días de 1 a { $max }.
share-new-link-heading = Su nuevo enlace
share-new-link-once = Cópielo ahora y envíeselo a su masajista: por su seguridad solo se muestra esta vez.
share-links-heading = Enlaces que ha creado
share-links-none = Todavía no hay enlaces.
share-link-created = Enlace creado el { $when }
share-link-sections = Comparte: { $sections }
share-status-active = Funciona hasta el { $when }.
share-status-expired = Caducó el { $when }.
share-status-revoked = Revocado: ya no se abre.
share-never-opened = Todavía no se ha abierto.
share-opened-on = Se abrió el:
share-revoke = Revocar este enlace
share-revoked = Se revocó el enlace: ya no se abre.

## La página compartida (lo que ve el masajista)

shared-title = Resumen para un masajista
shared-heading = Resumen para mi masajista
shared-lead = De mi comprobación de seguridad de lumbar del { $date }. Yo elegí qué compartir aquí.
shared-not-advisable = La comprobación de seguridad dice que el masaje no es aconsejable para esta persona ahora. No le dé un masaje hasta que la haya visto un profesional sanitario.
shared-card-heading = Precauciones para el masajista
shared-card-not-shared = La persona eligió no compartir las precauciones de su comprobación de seguridad. Pregúntele por las precauciones antes de la sesión.
shared-card-none = La comprobación de seguridad no encontró precauciones. Pregunte por la presión durante la sesión.
shared-card-avoid = Evitar
shared-card-adapt = Adaptar
shared-card-stop = Parar si
shared-back = Volver a compartir
shared-private = Esta página es privada de la persona que la compartió: no se indexa, su navegador no la guarda y deja de funcionar cuando caduca o se revoca.
plan-entries-cut = Se muestran los últimos { $shown } de { $total } registros.
plan-entries-show-all = Mostrar todos los registros
plan-bars-latest = Las barras muestran sus últimas { $count } sesiones.
