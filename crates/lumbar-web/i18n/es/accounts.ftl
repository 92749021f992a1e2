# Cuentas: crear una cuenta, iniciar sesión, la página de la cuenta, restablecer la
# contraseña y su correo (español).

account-email = Correo electrónico
account-password = Contraseña
account-wait-seconds = { $n ->
    [one] 1 segundo
   *[other] { $n } segundos
}
account-wait-minutes = { $n ->
    [one] 1 minuto
   *[other] { $n } minutos
}

## Errores (cada uno dice qué está mal y cómo corregirlo; ninguno repite una contraseña)

account-error-email-missing = Escriba su correo electrónico.
account-error-email-shape = Escriba un correo electrónico con la forma nombre@ejemplo.com.
account-error-email-too-long = Este correo electrónico tiene más de { $max } caracteres. Use una dirección más corta.
account-error-password-missing = Escriba su contraseña.
account-error-password-short = Su contraseña es demasiado corta. Use al menos { $min } caracteres.
account-error-password-long = Su contraseña es demasiado larga. Use como máximo { $max } caracteres.
account-error-password-email = Su contraseña no puede ser su correo electrónico. Elija otra.
account-error-wrong = El correo electrónico o la contraseña no son correctos. Compruebe ambos y vuelva a intentarlo, o restablezca su contraseña.
account-error-wait = Hubo demasiadas contraseñas incorrectas para este correo electrónico. Espere { $wait } y vuelva a intentarlo, o restablezca su contraseña.
account-error-current-missing = Escriba su contraseña actual.
account-error-current-wrong = Su contraseña actual no es correcta. Compruébela y vuelva a intentarlo, o restablezca su contraseña.
account-error-current-wait = Hubo demasiadas contraseñas incorrectas para esta cuenta. Espere { $wait } y vuelva a intentarlo.
account-error-token-name-missing = Ponga un nombre a la clave, por ejemplo «mi hoja de cálculo».
account-error-token-name-long = El nombre tiene más de { $max } caracteres. Use un nombre más corto.

## Avisos después de una acción

notice-signed-out = Ha cerrado la sesión.
notice-signup-exists = Si este correo electrónico ya tiene una cuenta, inicie sesión aquí. Si olvidó su contraseña, restablézcala.
notice-signed-out-everywhere = Ha cerrado la sesión en todos sus dispositivos y navegadores. Inicie sesión de nuevo para continuar.
notice-password-changed = Su contraseña ha cambiado. Se ha cerrado la sesión en sus otros dispositivos y navegadores.
notice-password-reset = Su contraseña ha cambiado y se ha cerrado la sesión en todas partes. Inicie sesión con su nueva contraseña.
notice-token-created = Su nueva clave está abajo. Cópiela ahora: solo se muestra esta vez.
notice-token-revoked = La clave está revocada: ya no funciona.
notice-account-deleted = Su cuenta y todo lo guardado con ella se han eliminado, y se ha cerrado la sesión.

## Crear una cuenta

signup-title = Crear una cuenta
signup-lead = Con una cuenta puede guardar sus comprobaciones de seguridad, planificar sesiones de masaje y ver si le ayudan. La comprobación sigue siendo anónima: no se guarda nada a menos que usted decida guardarlo.
signup-email-hint = Solo lo usamos para que inicie sesión y para enviarle un enlace si olvida su contraseña.
signup-password-hint = Al menos { $min } caracteres. Unas cuantas palabras que vaya a recordar funcionan bien.
signup-submit = Crear mi cuenta
signup-have-account = ¿Ya tiene una cuenta?
signup-signin-link = Iniciar sesión

## Iniciar sesión

signin-title = Iniciar sesión
signin-submit = Iniciar sesión
signin-no-account = ¿Es nuevo en lumbar?
signin-signup-link = Crear una cuenta
signin-forgot = ¿Olvidó su contraseña?

## La página de la cuenta

account-title = Su cuenta
account-signed-in-as = Ha iniciado sesión como { $email }.
account-role = Tipo de cuenta: { $role }.
account-created = Cuenta creada el { $date }.
account-role-person = persona
account-role-therapist = masajista
account-role-clinician = profesional de la salud
account-role-operator = operador
account-signout = Cerrar sesión
account-password-heading = Cambiar su contraseña
account-password-current = Contraseña actual
account-password-new = Contraseña nueva
account-password-submit = Cambiar mi contraseña
account-sessions-heading = Cerrar sesión en todas partes
account-sessions-body = ¿Perdió un teléfono o inició sesión en un ordenador compartido? Esto cierra su sesión en todos los dispositivos y navegadores, también en este.
account-sessions-submit = Cerrar sesión en todas partes
account-tokens-heading = Claves personales de la API
account-tokens-lead = Una clave permite que un programa suyo lea sus datos mediante la API de lumbar: envíela en la cabecera «Authorization: Bearer» seguida de la clave, por ejemplo para descargar sus datos de /api/v1/me/export. Manténgala en secreto, como una contraseña, y revóquela cuando ya no la necesite.
account-token-name = Nombre de la nueva clave
account-token-name-hint = Para qué es, para reconocerla más tarde, por ejemplo «mi hoja de cálculo».
account-token-create = Crear una clave
account-token-new-heading = Su nueva clave: { $name }
account-token-new-body = Cópiela ahora: solo se muestra esta vez. lumbar guarda solo una huella de ella, así que no puede volver a mostrarla.
account-tokens-none = No tiene ninguna clave.
account-tokens-caption = Sus claves
account-token-col-name = Nombre
account-token-col-created = Creada
account-token-col-used = Último uso
account-token-col-action = Acción
account-token-never = Nunca
account-token-revoke = Revocar
account-token-revoke-label = Revocar la clave { $name }
account-export-heading = Descargar sus datos
account-export-body = Un archivo (JSON) con todo lo que lumbar guarda sobre usted: su cuenta (nunca su contraseña), sus comprobaciones guardadas, sus planes y las sesiones anotadas en ellos, sus enlaces para compartir y cuándo se abrieron, sus opiniones y los nombres de sus claves de la API.
account-export-link = Descargar mis datos
account-delete-heading = Eliminar su cuenta
account-delete-body = Esto elimina de inmediato su cuenta y todo lo guardado con ella: comprobaciones guardadas, planes, sesiones anotadas, enlaces para compartir y opiniones. No se puede deshacer. Si quiere conservar una copia, descargue antes sus datos.
account-delete-password = Su contraseña, para confirmar
account-delete-submit = Eliminar mi cuenta y mis datos

## Restablecer la contraseña

reset-request-title = Restablecer su contraseña
reset-request-lead = Escriba el correo electrónico de su cuenta. Le enviaremos allí un enlace para elegir una contraseña nueva. El enlace funciona una sola vez, durante 1 hora.
reset-request-submit = Enviarme el enlace
reset-sent-title = Revise su correo electrónico
reset-sent-body = Si hay una cuenta con este correo electrónico, le hemos enviado un enlace para elegir una contraseña nueva. El enlace funciona una sola vez, durante 1 hora.
reset-sent-help = ¿No le ha llegado nada después de unos minutos? Mire en la carpeta de correo no deseado o pida un enlace nuevo.
reset-sent-again = Pedir un enlace nuevo
reset-title = Elegir una contraseña nueva
reset-lead = Elija la nueva contraseña de su cuenta. Se cerrará su sesión en todas partes y después podrá iniciar sesión con ella.
reset-submit = Guardar mi contraseña nueva
reset-gone-title = Este enlace ya no funciona
reset-gone-body = Un enlace para restablecer la contraseña funciona una sola vez, durante 1 hora desde que se envió. Este ya se usó, ha caducado o no está completo.
reset-gone-link = Pedir un enlace nuevo
reset-mail-subject = Restablecer su contraseña de lumbar
reset-mail-body =
    Alguien, esperamos que usted, pidió restablecer la contraseña de la cuenta de lumbar con este correo electrónico.

    Para elegir una contraseña nueva, abra este enlace en el plazo de 1 hora. Funciona una sola vez:
    { $link }

    Si usted no lo pidió, ignore este correo: su contraseña sigue igual.

    lumbar
